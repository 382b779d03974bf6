using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Rendering.Charts;

/// <summary>
/// Chooses a chart from the result's shape: dates with one to three numbers make a line; one text column
/// of at most 25 categories with one number makes a bar chart, or a pie when the question asks for
/// shares. Anything else (one row, only text, too many categories) gets no chart. The model's hint only
/// breaks the tie between bar and pie.
/// </summary>
public static class ChartChoice
{
    public const int MaxCategories = 25;
    public const int MaxLineSeries = 3;

    private static readonly string[] ShareWords = ["share", "percentage", "percent", "proportion", "pie", "breakdown", "split", "%"];

    public static ChartPlan Decide(QueryResult result, string question, ChartKind hint = ChartKind.None)
    {
        if (result.Rows.Count < 2 || result.Columns.Count < 2) return ChartPlan.None;
        var kinds = Enumerable.Range(0, result.Columns.Count).Select(column => ColumnKindOf(result, column)).ToArray();
        var dates = Indexes(kinds, ColumnRole.Date);
        var numbers = Indexes(kinds, ColumnRole.Number);
        var texts = Indexes(kinds, ColumnRole.Text);

        if (dates.Count >= 1 && numbers.Count is >= 1 and <= MaxLineSeries)
        {
            return new ChartPlan(ChartKind.Line, dates[0], numbers);
        }
        if (texts.Count == 1 && numbers.Count == 1 && dates.Count == 0)
        {
            var categories = result.Rows.Select(row => row[texts[0]] ?? "").Distinct(StringComparer.Ordinal).Count();
            if (categories is < 2 or > MaxCategories) return ChartPlan.None;
            var kind = (AsksForShares(question) || hint == ChartKind.Pie) && hint != ChartKind.Bar && NoNegatives(result, numbers[0])
                ? ChartKind.Pie
                : ChartKind.Bar;
            return new ChartPlan(kind, texts[0], numbers);
        }
        return ChartPlan.None;
    }

    private static bool AsksForShares(string question) =>
        ShareWords.Any(word => question.Contains(word, StringComparison.OrdinalIgnoreCase));

    // A pie of negative parts means nothing; such rows are drawn as bars.
    private static bool NoNegatives(QueryResult result, int column) =>
        result.Rows.All(row => !CellValues.TryNumber(row[column], out var value) || value >= 0);

    private static List<int> Indexes(ColumnRole[] roles, ColumnRole wanted) =>
        [.. roles.Select((role, index) => (role, index)).Where(pair => pair.role == wanted).Select(pair => pair.index)];

    /// <summary>What a column holds, by its values: numbers (at least 80 % of non-null cells), dates (all), else text.</summary>
    private static ColumnRole ColumnKindOf(QueryResult result, int column)
    {
        var declared = result.Columns[column].Kind;
        if (declared is ValueKind.Binary or ValueKind.Boolean) return ColumnRole.Other;
        var cells = result.Rows.Select(row => row[column]).Where(cell => cell is not null).ToList();
        if (cells.Count == 0) return ColumnRole.Other;
        if (declared == ValueKind.DateTime || cells.All(cell => CellValues.TryDate(cell, out _))) return ColumnRole.Date;
        var numeric = cells.Count(cell => CellValues.TryNumber(cell, out _));
        // Columns of mixed types (SQLite allows them) still chart when most cells are numbers; the rest are skipped.
        if (declared is ValueKind.Integer or ValueKind.Decimal or ValueKind.Float || numeric * 5 >= cells.Count * 4)
        {
            return numeric > 0 ? ColumnRole.Number : ColumnRole.Other;
        }
        return ColumnRole.Text;
    }

    private enum ColumnRole
    {
        Other,
        Text,
        Number,
        Date,
    }
}
