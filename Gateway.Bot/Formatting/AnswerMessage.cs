using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Bot.Formatting;

/// <summary>The Telegram reply to a question: answer text, the rows behind it, and the token and cost footer.</summary>
public static class AnswerMessage
{
    /// <summary>
    /// HTML parts ready to send in order, each within Telegram's limit. Only answered questions
    /// get the table (SQL answers with rows, when <paramref name="showTable"/>) and the footer.
    /// </summary>
    public static IReadOnlyList<string> Render(QuestionAnswer answer, bool showTable = true)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = TelegramHtml.Escape(answer.Text);
        if (answer.Outcome != QuestionOutcome.Answered) return MessageSplitter.Split(text);

        var blocks = new List<string> { text };
        if (showTable && answer is { Way: AnswerWay.SqlQuery, Rows: { Succeeded: true, Rows.Count: > 0 } rows })
        {
            blocks.Add(ResultTable.Render(rows));
        }
        var usage = UsageText.For(answer);
        if (usage.Length > 0) blocks.Add("<i>" + TelegramHtml.Escape(usage) + "</i>");
        return MessageSplitter.Split(string.Join("\n\n", blocks.Where(block => block.Length > 0)));
    }
}
