using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Tests.Questions;

[Collection(QuestionSiloCollection.Name)]
public sealed class UsageGrainTests(QuestionSiloFixture fixture)
{
    [Fact]
    public async Task OwnUsageAndHistory_MatchTheQuestionsAsked()
    {
        var asker = await Asker.NewAsync(fixture);
        var from = fixture.Clock.GetUtcNow().AddMinutes(-1);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = "Hi there." }, 1000, 100);
        var first = await asker.User.AskAsync(asker.UserId, "hello");
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = "SELECT count(*) AS n FROM orders", answer = (string?)null }, 2000, 50);
        fixture.Model.EnqueueText("There are 4 orders.", 500, 10);
        var second = await asker.User.AskAsync(asker.UserId, "How many orders?");
        var usage = fixture.Grains.GetGrain<IUsageGrain>(0);

        var report = await usage.ForUserAsync(asker.UserId, from, fixture.Clock.GetUtcNow().AddMinutes(1));
        var history = await usage.HistoryAsync(asker.UserId, 10);

        Assert.Equal(2, report.Questions);
        Assert.Equal((3500L, 160L), (report.InputTokens, report.OutputTokens));
        Assert.Equal(first.TotalCost + second.TotalCost, report.Cost);
        Assert.Equal(["gemini-2.0-flash", "gemini-2.5-flash"], report.ByModel.Select(line => line.Label).Order());
        Assert.Equal(["How many orders?", "hello"], history.Select(entry => entry.Question));
        Assert.Equal(second.TotalCost, history[0].Cost);
    }
}
