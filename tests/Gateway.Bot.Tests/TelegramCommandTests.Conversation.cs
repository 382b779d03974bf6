using System.Text.RegularExpressions;

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
        Assert.Equal(2, Cost().Matches(history).Count);
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
        Assert.Contains("Tokens: 150 (100 input, 50 output)", stats, StringComparison.Ordinal);
        Assert.Matches(Cost(), stats);
        Assert.Contains($"• {model}: 1 call(s), 150 tokens, $", stats, StringComparison.Ordinal);
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
