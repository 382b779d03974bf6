using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.TestSupport.Models;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>/clear, /history and /stats: what the bot remembers of a person's questions and what they cost.</summary>
public sealed partial class TelegramCommandTests
{
    [Fact]
    public async Task Clear_ThenQuestion_StageOneCarriesNoEarlierTurns()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        await AskAsync(asker, "Remember the word pelican", "Noted: pelican.");
        await AskAsync(asker, "Which word did I say?", "You said pelican.");
        // Without /clear the earlier turn travels along; this is what /clear must undo.
        Assert.Contains(fixture.Model.Requests[^1].Messages, message => message.Content.Contains("Remember the word pelican", StringComparison.Ordinal));

        Assert.Contains("Conversation cleared", (await asker.SayAsync("/clear")).Text, StringComparison.Ordinal);
        await AskAsync(asker, "What is the weather?", "I only know your database.");

        var stageOne = fixture.Model.Requests[^1];
        Assert.Contains(stageOne.Messages, message => message.Content.Contains("What is the weather?", StringComparison.Ordinal));
        Assert.DoesNotContain(stageOne.Messages, message => message.Content.Contains("pelican", StringComparison.Ordinal));
        Assert.DoesNotContain(stageOne.Messages, message => message.Role == "assistant");
    }

    [Fact]
    public async Task History_ListsTheLastQuestionsWithTheirCost()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        await AskAsync(asker, "First question here", "First answer.");
        await AskAsync(asker, "Second question here", "Second answer.");

        var history = (await asker.SayAsync("/history")).Text;

        Assert.Contains("Your last 2 question(s)", history, StringComparison.Ordinal);
        Assert.Contains("First question here", history, StringComparison.Ordinal);
        Assert.Contains("Second question here", history, StringComparison.Ordinal);
        // Each question: its tokens and cost, then the detail of its one model call.
        Assert.Equal(2, Regex.Matches(history, @"UTC · 150 tokens · \$\d+\.\d{5}").Count);
        Assert.Equal(2, Regex.Matches(history, @"Stage 1 summary \([^)]+\): 100 input, 50 output, 0 reasoning tokens, \$\d+\.\d{5}").Count);
    }

    [Fact]
    public async Task Stats_ShowQuestionsTokensAndCostByModel()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        await AskAsync(asker, "How are you?", "Fine, thanks.");
        var model = fixture.Model.Requests[^1].Model;

        var stats = (await asker.SayAsync("/stats")).Text;

        Assert.Contains("This month", stats, StringComparison.Ordinal);
        Assert.Contains("Questions: 1", stats, StringComparison.Ordinal);
        Assert.Contains("Tokens: 150 (100 input, 50 output, 0 reasoning)", stats, StringComparison.Ordinal);
        Assert.Matches(Cost(), stats);
        Assert.Contains($"• {model}: 1 call(s), 100 input, 50 output, 0 reasoning tokens, $", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_ReasoningTokensOfTheModel_ShownAsTheirOwnFigure_AndCountedInTheFooter()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        fixture.Model.Respond(_ => ScriptedReply.Json(new { way = "Conversation", sql = (string?)null, answer = "I thought hard." }, 100, 50, reasoningTokens: 200));
        SentMessage answer;
        try
        {
            var messageId = asker.Write("Think about it");
            answer = await asker.ShownAfterAsync(messageId, message => message.Text.Contains("I thought hard.", StringComparison.Ordinal));
        }
        finally
        {
            fixture.Model.Respond(null);
        }
        var model = fixture.Model.Requests[^1].Model;

        var stats = (await asker.SayAsync("/stats")).Text;

        Assert.Matches(@"350 tokens · \$\d+\.\d{5}", answer.Text);
        Assert.Contains("Tokens: 350 (100 input, 50 output, 200 reasoning)", stats, StringComparison.Ordinal);
        Assert.Contains($"• {model}: 1 call(s), 100 input, 50 output, 200 reasoning tokens, $", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatsAndHistory_CallWithoutPrice_SayPriceUnknown_NeverZero()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var (id, at) = (Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);
        await fixture.Silo.Services.GetRequiredService<ConversationLedger>().RecordAsync(
            new ConversationRecord(id, asker.Id, asker.Id, null, null, "Who is unpriced?", "Conversation", "Answered", "Nobody.", null, at, at, 900),
            [new StageRecord(1, 1, "summary", "no-price-model", 400, 30, 0m, 0m, at, 900, true, ReasoningTokens: 70, PriceKnown: false)],
            new HistoryTurnRecord(asker.Id, asker.Id, id, "Who is unpriced?", "Nobody.", null, null, "Conversation", at), CancellationToken.None);

        var stats = (await asker.SayAsync("/stats")).Text;
        var history = (await asker.SayAsync("/history")).Text;

        Assert.Contains("Cost: price unknown", stats, StringComparison.Ordinal);
        Assert.Contains("• no-price-model: 1 call(s), 400 input, 30 output, 70 reasoning tokens, price unknown", stats, StringComparison.Ordinal);
        Assert.Contains("UTC · 500 tokens · price unknown", history, StringComparison.Ordinal);
        Assert.Contains("Stage 1 summary (no-price-model): 400 input, 30 output, 70 reasoning tokens, price unknown", history, StringComparison.Ordinal);
        Assert.DoesNotContain("$0.00000", stats + history, StringComparison.Ordinal);
    }

    /// <summary>Asks in the private chat and waits until the answer is shown.</summary>
    private async Task AskAsync(BotUser asker, string question, string answer)
    {
        fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer }, 100, 50);
        var messageId = asker.Write(question);
        await asker.ShownAfterAsync(messageId, message => message.Text.Contains(answer, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\$\d+\.\d{5}")]
    private static partial Regex Cost();
}
