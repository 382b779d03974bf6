using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// What the conversation window keeps for a template answer (whose text the gateway words): the single value, or the
/// row count and columns, so a follow-up question has something to refer to.
/// </summary>
public static class TemplateTurnText
{
    public static string Of(QueryResult rows)
    {
        if (rows.Rows.Count == 1 && rows.Columns.Count == 1) return $"Result: {rows.Rows[0][0] ?? "(empty)"}";
        var count = rows.Truncated ? $"more than {rows.Rows.Count}" : rows.Rows.Count.ToString(CultureInfo.InvariantCulture);
        var columns = string.Join(", ", rows.Columns.Select(column => column.Name));
        return $"Result: {count} rows ({columns}).";
    }
}
