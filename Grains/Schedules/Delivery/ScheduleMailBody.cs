using System.Globalization;
using System.Text;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Grains.Schedules.Delivery;

/// <summary>A run's e-mail: the schedule's title as subject; the sentence and the rows as a plain-text table, or the alert's crossing.</summary>
public static class ScheduleMailBody
{
    public static string Subject(ScheduledResult result) => result.Schedule.Title;

    public static string Body(ScheduledResult result)
    {
        var body = new StringBuilder();
        if (result.Kind is ScheduleNoticeKind.AlertCrossed or ScheduleNoticeKind.AlertReturned && result.Schedule.Alert is { } rule)
        {
            var now = result.Value?.ToString(CultureInfo.InvariantCulture) ?? "?";
            var threshold = rule.Threshold.ToString(CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $"The value is now {now}: ")
                .Append(result.Kind == ScheduleNoticeKind.AlertCrossed ? "it crossed the rule " : "it is back within the rule ")
                .Append(CultureInfo.InvariantCulture, $"\"{Condition(rule.Condition)} {threshold}\".").AppendLine();
            return body.ToString();
        }
        if (result.Text.Length > 0) body.AppendLine(result.Text).AppendLine();
        if (result.Rows is { } rows) AppendTable(body, rows);
        return body.ToString();
    }

    private static string Condition(AlertCondition condition) => condition switch
    {
        AlertCondition.Above => "above",
        AlertCondition.Below => "below",
        _ => "changes from",
    };

    private static void AppendTable(StringBuilder body, QueryResult rows)
    {
        var widths = rows.Columns.Select((column, index) =>
            Math.Max(column.Name.Length, rows.Rows.Select(row => Cell(row, index).Length).DefaultIfEmpty(0).Max())).ToArray();
        body.AppendLine(Line(rows.Columns.Select(column => column.Name).ToArray(), widths));
        body.AppendLine(string.Join("-+-", widths.Select(width => new string('-', width))));
        foreach (var row in rows.Rows) body.AppendLine(Line(rows.Columns.Select((_, index) => Cell(row, index)).ToArray(), widths));
        if (rows.Truncated) body.AppendLine().AppendLine("(More rows exist than are shown here.)");
    }

    private static string Cell(IReadOnlyList<string?> row, int index) => index < row.Count ? row[index] ?? "" : "";

    private static string Line(string[] cells, int[] widths) =>
        string.Join(" | ", cells.Select((cell, index) => cell.PadRight(widths[index]))).TrimEnd();
}
