using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>A gateway repeating an ask after the silo restarted gets the answer given before, and the model is not asked again.</summary>
[Collection(QuestionSiloRestartCollection.Name)]
public sealed class UserGrainIdempotentAskRestartTests(QuestionSiloFixture fixture)
{
    [Fact]
    public async Task SameRequestIdAfterASiloRestart_GetsTheRecordedAnswer_WithoutTheModel()
    {
        var asker = await Asker.NewAsync(fixture);
        var requestId = $"tg_{asker.UserId}_808";
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = "We have three customers." }, 40, 10);
        var callsBefore = fixture.Model.Requests.Count;
        var first = await asker.User.AskAsync(asker.UserId, "How many customers?", null, requestId);

        await fixture.RestartAsync();
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var again = await fixture.Grains.GetGrain<IUserGrain>(asker.UserId).AskAsync(asker.UserId, "How many customers?", null, requestId);

        Assert.Equal(QuestionOutcome.Answered, first.Outcome);
        Assert.Equal((first.Text, first.TotalCost, requestId), (again.Text, again.TotalCost, again.ConversationId));
        Assert.Equal(1, fixture.Model.Requests.Count - callsBefore);
    }
}
