using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Schedules.Creation;

/// <summary>An alert watches one number: its SQL must return exactly one row with one numeric column.</summary>
public static class AlertNumber
{
    private static readonly ValueKind[] Numeric = [ValueKind.Integer, ValueKind.Decimal, ValueKind.Float];

    /// <returns>The number, or the shape found instead ("3 rows, 2 columns"; "1 row, 1 column, Text").</returns>
    public static (decimal? Value, string? Shape) Read(QueryResult result)
    {
        var rows = result.Truncated ? $"more than {result.Rows.Count} rows" : Count(result.Rows.Count, "row");
        var columns = Count(result.Columns.Count, "column");
        if (result.Rows.Count != 1 || result.Truncated || result.Columns.Count != 1) return (null, $"{rows}, {columns}");
        var kind = result.Columns[0].Kind;
        if (Numeric.Contains(kind) && result.Rows[0][0] is { } text
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return (value, null);
        }
        return (null, result.Rows[0][0] is null ? $"{rows}, {columns}, NULL" : $"{rows}, {columns}, {kind}");
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
