using OrleansAssistant.Grains.Interfaces.Questions;
namespace OrleansAssistant.Rendering.Charts;

/// <summary>
/// What to draw: the kind, the column on the x axis (dates) or of the categories, and the value columns
/// (one series each). <see cref="None"/> when the rows are not worth a picture.
/// </summary>
public sealed record ChartPlan(ChartKind Kind, int LabelColumn, IReadOnlyList<int> ValueColumns)
{
    public static readonly ChartPlan None = new(ChartKind.None, -1, []);
}
