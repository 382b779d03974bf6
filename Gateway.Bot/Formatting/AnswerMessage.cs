using System.Globalization;
using OrleansAssistant.Gateway.Bot.Budgets;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Bot.Formatting;

/// <summary>The Telegram reply to a question: answer text, the rows behind it, and the token and cost footer.</summary>
public static class AnswerMessage
{
    /// <summary>
    /// HTML parts ready to send in order, each within Telegram's limit. Only answered questions
    /// get the table (SQL answers with rows, when <paramref name="showTable"/>) and the footer.
    /// A table that needs several messages repeats its header in each.
    /// </summary>
    /// <param name="withText">False when the answer's text went out already (as a chart's caption): only the table and footer.</param>
    /// <param name="refusalReader">Who reads a budget refusal (names and the time), so it can say who raises the budget.</param>
    public static IReadOnlyList<string> Render(QuestionAnswer answer, bool showTable = true, bool withText = true, RefusalReader? refusalReader = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Outcome == QuestionOutcome.QueryRefused) return MessageSplitter.Split(RefusedQuery(answer));
        if (answer.Outcome == QuestionOutcome.BudgetExhausted) return MessageSplitter.Split(BudgetRefusal(answer, refusalReader));
        var text = TelegramHtml.Escape(TextOf(answer));
        if (answer.Outcome != QuestionOutcome.Answered) return MessageSplitter.Split(text);

        var blocks = new List<string>(withText ? MessageSplitter.Split(text) : []);
        // In template mode a single value is the whole answer ("Result: 42"); a one-cell table would only repeat it.
        if (showTable && !IsTemplateValue(answer) && answer is { Way: AnswerWay.SqlQuery, Rows: { Succeeded: true, Rows.Count: > 0 } rows })
        {
            var room = MessageSplitter.TelegramLimit - (blocks.Count == 0 ? 0 : blocks[^1].Length + 2);
            blocks.AddRange(ResultTable.RenderInParts(rows, firstLimit: room));
        }
        var footer = string.Join("\n", new[] { VerifiedLine(answer), UsageText.For(answer) }.Where(line => line.Length > 0));
        if (footer.Length > 0) blocks.AddRange(MessageSplitter.Split("<i>" + TelegramHtml.Escape(footer) + "</i>"));
        return Pack(blocks.Where(block => block.Length > 0));
    }

    /// <summary>The caption of an answer's chart: the answer's text and what the picture leaves out, or null when that is too long for a caption.</summary>
    public static string? ChartCaption(QuestionAnswer answer, AnswerChart chart)
    {
        var caption = TelegramHtml.Escape(TextOf(answer).Trim());
        if (chart.Note is { Length: > 0 } note) caption += "\n<i>" + TelegramHtml.Escape(note) + "</i>";
        return caption.Length <= MaxCaptionLength ? caption : null;
    }

    /// <summary>
    /// The answer's text; in template mode (a verified query, no model call) the gateway writes it from the result:
    /// "Result: 42" for one value, else "Result: 12 rows" above the usual table or chart.
    /// </summary>
    public static string TextOf(QuestionAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer is not { Verified.Mode: VerifiedAnswerMode.Template, Text.Length: 0 }) return answer.Text;
        return answer.Rows switch
        {
            { Rows: [[var value]] } when IsTemplateValue(answer) => "Result: " + (value ?? "(empty)"),
            { Succeeded: true, Truncated: true } rows => string.Create(CultureInfo.InvariantCulture, $"Result: the first {rows.Rows.Count:N0} rows"),
            { Succeeded: true } rows => string.Create(CultureInfo.InvariantCulture, $"Result: {rows.Rows.Count:N0} row{(rows.Rows.Count == 1 ? "" : "s")}"),
            _ => "",
        };
    }

    private static bool IsTemplateValue(QuestionAnswer answer) =>
        answer is { Verified.Mode: VerifiedAnswerMode.Template, Text.Length: 0, Rows: { Succeeded: true, Rows.Count: 1, Columns.Count: 1 } };

    /// <summary>"✓ Verified query — checked by Alice on 3 Dec 2026" under an answer whose SQL came from the verified library.</summary>
    public static string VerifiedLine(QuestionAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Verified is not { } source) return "";
        var on = source.VerifiedAt.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        return $"✓ Verified query — checked by {source.VerifiedByName} on {on}";
    }

    /// <summary>Telegram's limit for a photo's caption.</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>
    /// The guard refused the model's SQL: say that only reads may run, why this one may not, and what it was,
    /// so the person does not read it as the bot failing at their question.
    /// </summary>
    private static string RefusedQuery(QuestionAnswer answer)
    {
        var reply = "I can only run queries that read data, and the query written for this one was refused. Nothing was run and nothing changed.";
        if (answer.Text.Length > 0) reply += "\n<i>" + TelegramHtml.Escape(answer.Text) + "</i>";
        if (!string.IsNullOrWhiteSpace(answer.Sql)) reply += "\n\nThe query was:\n<pre>" + TelegramHtml.Escape(answer.Sql.Trim()) + "</pre>";
        return reply;
    }

    // The grain leaves the refusal's text empty: the gateway words it from the figures.
    private static string BudgetRefusal(QuestionAnswer answer, RefusalReader? reader) =>
        answer.Budget is { } refusal && reader is not null ? BudgetTexts.Refusal(refusal, reader) : BudgetTexts.UnknownRefusal;

    /// <summary>Puts whole blocks (each within the limit) together into as few messages as keep their order.</summary>
    private static List<string> Pack(IEnumerable<string> blocks)
    {
        var messages = new List<string>();
        foreach (var block in blocks)
        {
            if (messages.Count > 0 && messages[^1].Length + 2 + block.Length <= MessageSplitter.TelegramLimit)
            {
                messages[^1] += "\n\n" + block;
            }
            else
            {
                messages.Add(block);
            }
        }
        return messages.Count == 0 ? [""] : messages;
    }
}
