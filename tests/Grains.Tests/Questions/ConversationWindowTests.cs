using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Users;

namespace OrleansAssistant.Grains.Tests.Questions;

[Collection(QuestionSiloCollection.Name)]
public sealed class ConversationWindowTests(QuestionSiloFixture fixture)
{
    private static object Chat(string answer) => new { way = "Conversation", sql = (string?)null, answer };

    /// <summary>Asks one question the fake model answers in conversation, spaced out so the rate limit never interferes.</summary>
    private async Task<QuestionAnswer> AskAsync(Asker asker, string question, string reply)
    {
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        fixture.Model.EnqueueJson(Chat(reply), 10, 5);
        var answer = await fixture.Grains.GetGrain<Interfaces.Users.IUserGrain>(asker.UserId).AskAsync(asker.UserId, question);
        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        return answer;
    }

    private IReadOnlyList<string> LastRequestMessages()
    {
        var messages = fixture.Model.Requests[^1].Body.RootElement.GetProperty("messages");
        return messages.EnumerateArray().Select(message => message.GetProperty("content").GetString()!).ToArray();
    }

    [Fact]
    public async Task StageOne_SeesTheLastFiveTurns_Only()
    {
        var asker = await Asker.NewAsync(fixture);
        for (var i = 1; i <= 6; i++) await AskAsync(asker, $"question {i}", $"answer {i}");

        await AskAsync(asker, "question 7", "answer 7");

        var messages = LastRequestMessages();
        Assert.DoesNotContain("question 1", messages);
        Assert.Equal(["question 2", "answer 2", "question 3", "answer 3", "question 4", "answer 4", "question 5", "answer 5", "question 6", "answer 6", "question 7"],
            messages.Skip(1));
    }

    [Fact]
    public async Task TurnsOlderThanFiveMinutes_AreForgotten()
    {
        var asker = await Asker.NewAsync(fixture);
        await AskAsync(asker, "old question", "old answer");

        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        await AskAsync(asker, "new question", "new answer");

        Assert.Equal(["new question"], LastRequestMessages().Skip(1));
    }

    [Fact]
    public async Task Clear_EmptiesTheWindow_AndItStaysEmptyAfterReload()
    {
        var asker = await Asker.NewAsync(fixture);
        await AskAsync(asker, "before clear", "answer");

        await asker.User.ClearConversationAsync(asker.UserId);
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await AskAsync(asker, "after clear", "answer");

        Assert.Equal(["after clear"], LastRequestMessages().Skip(1));
    }

    [Fact]
    public async Task Window_SurvivesDeactivation_RebuiltFromHistory()
    {
        var asker = await Asker.NewAsync(fixture);
        await AskAsync(asker, "remember me", "remembered");

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await AskAsync(asker, "do you?", "yes");

        Assert.Equal(["remember me", "remembered", "do you?"], LastRequestMessages().Skip(1));
    }

    [Fact]
    public async Task Window_SurvivesASiloRestart()
    {
        var asker = await Asker.NewAsync(fixture);
        await AskAsync(asker, "before restart", "noted");

        await fixture.RestartAsync();
        await AskAsync(asker, "after restart", "still here");

        Assert.Equal(["before restart", "noted", "after restart"], LastRequestMessages().Skip(1));
    }

    [Fact]
    public async Task ThreeQuickQuestionsPass_TheFourthWaits_AndAnotherPassesASecondLater()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 4; i++) fixture.Model.EnqueueJson(Chat("ok"), 10, 5);

        var quick = new List<QuestionAnswer>();
        for (var i = 0; i < 4; i++) quick.Add(await asker.User.AskAsync(asker.UserId, $"quick {i}"));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = await asker.User.AskAsync(asker.UserId, "a second later");

        Assert.All(quick.Take(3), answer => Assert.Equal(QuestionOutcome.Answered, answer.Outcome));
        Assert.Equal(QuestionOutcome.RateLimited, quick[3].Outcome);
        Assert.NotNull(quick[3].RetryAfter);
        Assert.Contains("wait", quick[3].Text, StringComparison.Ordinal);
        Assert.Equal(QuestionOutcome.Answered, later.Outcome);
    }

    [Fact]
    public async Task TwoQuestionsAtOnce_OneIsAnswered_TheOtherHearsStillWorking()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        fixture.Model.EnqueueDelay(TimeSpan.FromMilliseconds(1500));
        fixture.Model.EnqueueJson(Chat("first"), 10, 5);

        var first = asker.User.AskAsync(asker.UserId, "first question");
        await Task.Delay(300);
        var second = await asker.User.AskAsync(asker.UserId, "second question");

        Assert.Equal(QuestionOutcome.StillWorking, second.Outcome);
        Assert.Equal(UserGrain.StillWorking, second.Text);
        Assert.Equal((QuestionOutcome.Answered, "first"), ((await first).Outcome, (await first).Text));
    }
}
