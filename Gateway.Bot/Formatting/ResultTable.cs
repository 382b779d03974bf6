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
        var (header, body) = Lines(result, maxRows, maxWidth);
        return Pre(header.Concat(body));
    }

    /// <summary>
    /// The same table cut into <c>&lt;pre&gt;</c> blocks of at most <paramref name="limit"/> characters,
    /// each starting with the header, so every message of a long table can be read on its own. The
    /// first block keeps within <paramref name="firstLimit"/> when the header and a row fit there (the
    /// room left in the message before it), so a table can start under the answer's text.
    /// </summary>
    public static IReadOnlyList<string> RenderInParts(QueryResult result, int limit = MessageSplitter.TelegramLimit, int? firstLimit = null,
        int maxRows = 20, int maxWidth = 60)
    {
        var (header, body) = Lines(result, maxRows, maxWidth);
        var budget = firstLimit is { } room && body.Count > 0 && Pre(header.Append(body[0])).Length <= room ? room : limit;
        var parts = new List<string>();
        var chunk = new List<string>();
        foreach (var line in body)
        {
            if (chunk.Count > 0 && Pre(header.Concat(chunk).Append(line)).Length > budget)
            {
                parts.Add(Pre(header.Concat(chunk)));
                chunk.Clear();
                budget = limit;
            }
            chunk.Add(line);
        }
        parts.Add(Pre(header.Concat(chunk)));
        // A single row wider than a message still has to be cut; only then does a part lack the header.
        return [.. parts.SelectMany(part => MessageSplitter.Split(part, limit))];
    }

    private static string Pre(IEnumerable<string> lines) => "<pre>" + TelegramHtml.Escape(string.Join('\n', lines)) + "</pre>";

    /// <summary>The header (names and rule) and the body (rows, then the "more rows" line when there is one), as plain text.</summary>
    private static (IReadOnlyList<string> Header, IReadOnlyList<string> Body) Lines(QueryResult result, int maxRows, int maxWidth)
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

        var headerLines = new[] { Line(header, widths, numeric), string.Join("─┼─", widths.Select(width => new string('─', width))) };
        var body = rows.Select(row => Line(row, widths, numeric)).ToList();
        if (MoreRowsLine(result, maxRows) is { } more) body.Add(more);
        return (headerLines, body);
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
