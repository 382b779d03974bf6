using System.Text;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>How /history and /stats read.</summary>
internal static class UsageTexts
{
    public static string History(IReadOnlyList<HistoryEntry> entries)
    {
        if (entries.Count == 0) return "No questions yet. Just write one!";
        var text = new StringBuilder($"<b>Your last {entries.Count} question(s)</b>\n");
        foreach (var entry in entries)
        {
            var cost = entry.Cost is { } amount ? Texts.Money(amount) : "no cost";
            text.Append($"\n{Texts.Date(entry.At)} · {cost}\n<b>Q:</b> {Texts.Html(Texts.Short(entry.Question, 200))}\n");
            if (entry.Answer.Length > 0) text.Append($"<b>A:</b> {Texts.Html(Texts.Short(entry.Answer, 200))}\n");
        }
        return text.ToString();
    }

    public static string Stats(string title, UsageReport report)
    {
        var text = new StringBuilder($"<b>{Texts.Html(title)}</b>\n");
        text.Append($"Questions: {Texts.Count(report.Questions)}\n");
        text.Append($"Tokens: {Texts.Count(report.InputTokens + report.OutputTokens)} ({Texts.Count(report.InputTokens)} input, {Texts.Count(report.OutputTokens)} output)\n");
        text.Append($"Cost: {Texts.Money(report.Cost)}");
        Lines(text, "By model", report.ByModel);
        Lines(text, "By stage", report.ByStage);
        return text.ToString();
    }

    private static void Lines(StringBuilder text, string heading, IReadOnlyList<UsageLine> lines)
    {
        if (lines.Count == 0) return;
        text.Append($"\n<i>{heading}</i>");
        foreach (var line in lines)
        {
            text.Append($"\n• {Texts.Html(line.Label)}: {Texts.Count(line.Calls)} call(s), {Texts.Count(line.InputTokens + line.OutputTokens)} tokens, {Texts.Money(line.Cost)}");
        }
    }
}
