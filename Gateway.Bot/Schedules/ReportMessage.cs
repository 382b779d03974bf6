using System.Globalization;
using OrleansAssistant.Gateway.Bot.Formatting;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>
/// A report's result, formatted as answers are: "⏰ title", the sentence (or "Result: …" for a template message), the table,
/// and the footer with tokens and cost, marked "scheduled".
/// </summary>
internal static class ReportMessage
{
    /// <summary>The notice as an answer, so the answer's formatting (table, chart caption) applies unchanged.</summary>
    public static QuestionAnswer AsAnswer(ScheduleNotice notice)
    {
        var sentence = notice.Text.Length > 0 ? notice.Text : Template(notice.Rows);
        return new QuestionAnswer(QuestionOutcome.Answered, $"⏰ {notice.Title}\n{sentence}", AnswerWay.SqlQuery, notice.Sql, notice.Rows, Chart: notice.Chart);
    }

    /// <param name="withText">False when the title and sentence went out as the chart's caption.</param>
    public static IReadOnlyList<string> Parts(ScheduleNotice notice, bool withText)
    {
        var parts = AnswerMessage.Render(AsAnswer(notice), withText: withText).Where(part => part.Length > 0).ToList();
        var footer = "<i>" + TelegramHtml.Escape(Footer(notice)) + "</i>";
        if (parts.Count > 0 && parts[^1].Length + footer.Length + 2 <= MessageSplitter.TelegramLimit) parts[^1] += "\n\n" + footer;
        else parts.Add(footer);
        if (notice.Error is { Length: > 0 } error)
        {
            var line = ScheduleNoticeTexts.DeliveryProblem(error);
            if (parts[^1].Length + line.Length + 1 <= MessageSplitter.TelegramLimit) parts[^1] += "\n" + line;
            else parts.Add(line);
        }
        return parts;
    }

    /// <summary>"1,234 tokens · $0.00120 · scheduled", or "scheduled" for a template message.</summary>
    public static string Footer(ScheduleNotice notice)
    {
        var usage = UsageText.For(new QuestionAnswer(QuestionOutcome.Answered, "", Stages: notice.Usage));
        return usage.Length > 0 ? usage + " · scheduled" : "scheduled";
    }

    private static string Template(QueryResult? rows) => rows switch
    {
        { Rows: [[var value]], Columns.Count: 1 } => "Result: " + (value ?? "(empty)"),
        { Truncated: true } => string.Create(CultureInfo.InvariantCulture, $"Result: the first {rows.Rows.Count:N0} rows"),
        { } some => string.Create(CultureInfo.InvariantCulture, $"Result: {some.Rows.Count:N0} row{(some.Rows.Count == 1 ? "" : "s")}"),
        null => "",
    };
}
