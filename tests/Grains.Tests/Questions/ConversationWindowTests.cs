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
    public async Task ThreeQuickQuestionsPass_TheFourthWaitsForTheRateLimit_ThenIsAnswered()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 4; i++) fixture.Model.EnqueueJson(Chat("ok"), 10, 5);
        var before = fixture.Model.Requests.Count;

        var quick = new List<QuestionAnswer>();
        for (var i = 0; i < 4; i++) quick.Add(await asker.User.AskAsync(asker.UserId, $"quick {i}"));

        Assert.All(quick, answer => Assert.Equal(QuestionOutcome.Answered, answer.Outcome));
        var requests = fixture.Model.Requests.Skip(before).ToList();
        // A burst of three, then one a second: the fourth reached the model no sooner than a second after the first.
        var spacing = System.Diagnostics.Stopwatch.GetElapsedTime(requests[0].ArrivedAt, requests[3].ArrivedAt);
        Assert.True(spacing >= TimeSpan.FromSeconds(0.95), $"the fourth question went to the model after {spacing}");
    }

    [Fact]
    public async Task SecondQuestionWhileTheFirstRuns_WaitsInLine_AndIsAnsweredAfterIt()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        fixture.Model.EnqueueDelay(TimeSpan.FromMilliseconds(800));
        fixture.Model.EnqueueJson(Chat("first"), 10, 5);
        fixture.Model.EnqueueJson(Chat("second"), 10, 5);

        var first = await asker.User.QueueAskAsync(asker.UserId, "first question", null, $"tg_{asker.UserId}_1");
        var second = await asker.User.QueueAskAsync(asker.UserId, "second question", null, $"tg_{asker.UserId}_2");
        var secondAnswer = await asker.User.AskAsync(asker.UserId, "second question", null, $"tg_{asker.UserId}_2");
        var firstAnswer = await asker.User.AskAsync(asker.UserId, "first question", null, $"tg_{asker.UserId}_1");

        Assert.Equal((AskAdmissionOutcome.InLine, 0), (first.Outcome, first.Ahead));
        Assert.Equal((AskAdmissionOutcome.InLine, 1), (second.Outcome, second.Ahead));
        Assert.Equal((QuestionOutcome.Answered, "first"), (firstAnswer.Outcome, firstAnswer.Text));
        Assert.Equal((QuestionOutcome.Answered, "second"), (secondAnswer.Outcome, secondAnswer.Text));
    }

    [Fact]
    public async Task QuestionBeyondThreeWaiting_IsNotTaken_AndNeverReachesTheModel()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        fixture.Model.EnqueueDelay(TimeSpan.FromMilliseconds(800));
        for (var i = 0; i < 4; i++) fixture.Model.EnqueueJson(Chat($"answer {i}"), 10, 5);

        var admissions = new List<AskAdmission>();
        for (var i = 0; i < 5; i++) admissions.Add(await asker.User.QueueAskAsync(asker.UserId, $"question {i}", null, $"tg_{asker.UserId}_{i}"));
        var refused = await asker.User.AskAsync(asker.UserId, "question 4", null, $"tg_{asker.UserId}_4");
        var answers = new List<QuestionAnswer>();
        for (var i = 0; i < 4; i++) answers.Add(await asker.User.AskAsync(asker.UserId, $"question {i}", null, $"tg_{asker.UserId}_{i}"));

        Assert.Equal([0, 1, 2, 3], admissions.Take(4).Select(admission => admission.Ahead));
        Assert.All(admissions.Take(4), admission => Assert.Equal(AskAdmissionOutcome.InLine, admission.Outcome));
        Assert.Equal(AskAdmissionOutcome.LineFull, admissions[4].Outcome);
        Assert.Equal(QuestionOutcome.QueueFull, refused.Outcome);
        Assert.Equal(["answer 0", "answer 1", "answer 2", "answer 3"], answers.Select(answer => answer.Text));
    }
}
