using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>
/// The conversation window across a silo restart, on a silo of its own: the shared question silo's clock has
/// been moved on by the other tests, and a silo started on a clock far from the one membership last saw can
/// be declared dead, which takes the whole test process with it.
/// </summary>
[Collection(QuestionSiloRestartCollection.Name)]
public sealed class ConversationWindowRestartTests(QuestionSiloFixture fixture)
{
    [Fact]
    public async Task Window_SurvivesASiloRestart()
    {
        var asker = await Asker.NewAsync(fixture);
        await AskAsync(asker, "before restart", "noted");

        await fixture.RestartAsync();
        await AskAsync(asker, "after restart", "still here");

        var messages = fixture.Model.Requests[^1].Body.RootElement.GetProperty("messages");
        Assert.Equal(["before restart", "noted", "after restart"], messages.EnumerateArray().Select(message => message.GetProperty("content").GetString()).Skip(1));
    }

    private async Task AskAsync(Asker asker, string question, string reply)
    {
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = reply }, 10, 5);
        var answer = await fixture.Grains.GetGrain<Interfaces.Users.IUserGrain>(asker.UserId).AskAsync(asker.UserId, question);
        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
    }
}

[CollectionDefinition(Name)]
public sealed class QuestionSiloRestartCollection : ICollectionFixture<QuestionSiloFixture>
{
    public const string Name = "questions-restart";
}
