namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>The chart drawn for an answer's rows; also the hint stage 1 may give (its <c>chart</c> field).</summary>
[GenerateSerializer, Alias("OrleansAssistant.ChartKind")]
public enum ChartKind
{
    None = 0,
    Line = 1,
    Bar = 2,
    Pie = 3,
}
