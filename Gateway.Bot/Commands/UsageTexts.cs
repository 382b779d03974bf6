using System.Text;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>
/// How /history and /stats read. Tokens include the models' reasoning, also shown on its own; a cost that
/// lacks a price reads "price unknown" (<see cref="UsageText.Cost"/>), never $0.
/// </summary>
internal static class UsageTexts
{
    public static string History(IReadOnlyList<HistoryEntry> entries)
    {
        if (entries.Count == 0) return "No questions yet. Just write one!";
        var text = new StringBuilder($"<b>Your last {entries.Count} question(s)</b>\n");
        foreach (var entry in entries)
        {
            var cost = entry.Cost is { } amount ? Texts.Html(UsageText.Cost(amount, entry.UnpricedCalls)) : "no cost";
            var calls = entry.Stages ?? [];
            var tokens = calls.Count == 0 ? "" : $"{Texts.Count(calls.Sum(call => (long)call.TotalTokens))} tokens · ";
            text.Append($"\n{Texts.Date(entry.At)} · {tokens}{cost}\n<b>Q:</b> {Texts.Html(Texts.Short(entry.Question, 200))}\n");
            if (entry.Answer.Length > 0) text.Append($"<b>A:</b> {Texts.Html(Texts.Short(entry.Answer, 200))}\n");
            foreach (var call in calls) text.Append($"<i>Stage {call.StageNumber} {Texts.Html(call.StageName)} ({Texts.Html(call.Model)}): {CallDetail(call)}</i>\n");
        }
        return text.ToString();
    }

    public static string Stats(string title, UsageReport report)
    {
        var text = new StringBuilder($"<b>{Texts.Html(title)}</b>\n");
        text.Append($"Questions: {Texts.Count(report.Questions)}\n");
        text.Append($"Tokens: {Texts.Count(report.InputTokens + report.OutputTokens + report.ReasoningTokens)} ({Texts.Count(report.InputTokens)} input, " +
                    $"{Texts.Count(report.OutputTokens)} output, {Texts.Count(report.ReasoningTokens)} reasoning)\n");
        text.Append($"Cost: {Texts.Html(UsageText.Cost(report.Cost, report.UnpricedCalls))}");
        if (report.VerifiedAnswers > 0)
        {
            text.Append($"\nAnswered from verified queries: {Texts.Count(report.VerifiedAnswers)} (≈ {Texts.Count(report.TokensSaved)} tokens saved)");
        }
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
            text.Append($"\n• {Texts.Html(line.Label)}: {Texts.Count(line.Calls)} call(s), {Texts.Count(line.InputTokens)} input, " +
                        $"{Texts.Count(line.OutputTokens)} output, {Texts.Count(line.ReasoningTokens)} reasoning tokens, " +
                        Texts.Html(UsageText.Cost(line.Cost, line.UnpricedCalls)));
        }
    }

    private static string CallDetail(StageUsage call) =>
        $"{Texts.Count(call.InputTokens)} input, {Texts.Count(call.OutputTokens)} output, {Texts.Count(call.ReasoningTokens)} reasoning tokens, " +
        Texts.Html(UsageText.Cost(call.TotalCost, call.PriceKnown ? 0 : 1));
}
