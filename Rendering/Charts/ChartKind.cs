namespace OrleansAssistant.Rendering.Charts;

/// <summary>The chart drawn for an answer's rows; also the hint stage 1 may give (its <c>chart</c> field).</summary>
public enum ChartKind
{
    None,
    Line,
    Bar,
    Pie,
}
