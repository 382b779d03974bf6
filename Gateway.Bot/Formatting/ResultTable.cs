using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Gateway.Bot.Formatting;

/// <summary>Query rows as a monospace table in a <c>&lt;pre&gt;</c> block: numbers right-aligned, long cells cut with "…".</summary>
public static class ResultTable
{
    private const string ColumnGap = " │ ";
    private const string NullCell = "NULL";

    /// <summary>
    /// The first <paramref name="maxRows"/> rows under a header; no column grows wider than
    /// <paramref name="maxWidth"/> characters. A last line says when rows were left out.
    /// </summary>
    public static string Render(QueryResult result, int maxRows = 20, int maxWidth = 60)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 2);

        var columns = result.Columns;
        var header = columns.Select(column => CellText.Fit(column.Name, maxWidth)).ToList();
        var rows = result.Rows.Take(maxRows)
            .Select(row => columns.Select((_, index) => CellText.Fit(index < row.Count ? row[index] ?? NullCell : "", maxWidth)).ToList())
            .ToList();
        var widths = columns.Select((_, index) => rows.Select(row => CellText.Width(row[index])).Prepend(CellText.Width(header[index])).Max()).ToList();
        var numeric = columns.Select(column => column.Kind is ValueKind.Integer or ValueKind.Decimal or ValueKind.Float).ToList();

        var lines = new List<string> { Line(header, widths, numeric), string.Join("─┼─", widths.Select(width => new string('─', width))) };
        lines.AddRange(rows.Select(row => Line(row, widths, numeric)));
        if (MoreRowsLine(result, maxRows) is { } more) lines.Add(more);
        return "<pre>" + TelegramHtml.Escape(string.Join('\n', lines)) + "</pre>";
    }

    private static string Line(IReadOnlyList<string> cells, IReadOnlyList<int> widths, IReadOnlyList<bool> numeric) =>
        string.Join(ColumnGap, cells.Select((cell, index) => CellText.Pad(cell, widths[index], numeric[index]))).TrimEnd();

    private static string? MoreRowsLine(QueryResult result, int maxRows)
    {
        var hidden = result.Rows.Count - maxRows;
        return (hidden > 0, result.Truncated) switch
        {
            (true, false) => $"{CellText.Ellipsis} and {hidden} more {(hidden == 1 ? "row" : "rows")}",
            (true, true) => $"{CellText.Ellipsis} and more than {hidden} more rows",
            (false, true) => $"{CellText.Ellipsis} more rows exist",
            _ => null,
        };
    }
}
