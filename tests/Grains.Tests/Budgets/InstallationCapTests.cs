using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Budgets;

/// <summary>An installation capped at a little over one question a day, with no other budget anywhere.</summary>
public sealed class InstallationCapSiloFixture() : QuestionSiloFixture(new Dictionary<string, string?>
{
    ["Budgets:InstallationDailyUsd"] = "0.0001",
});

/// <summary>The operator's daily cap binds every account together, on UTC days.</summary>
public sealed class InstallationCapTests(InstallationCapSiloFixture fixture) : IClassFixture<InstallationCapSiloFixture>
{
    [Fact]
    public async Task TheDailyCap_RefusesEveryAccountOnceReached_UntilMidnightUtc()
    {
        var first = await Asker.NewAsync(fixture);
        var org = await BudgetArrange.OrganizationAsync(fixture);
        // Each question is admitted while the day is under the cap: one by a person, one by an organization.
        Assert.Equal(QuestionOutcome.Answered, (await BudgetArrange.AskAsync(fixture, first.UserId)).Outcome);
        Assert.Equal(QuestionOutcome.Answered, (await BudgetArrange.AskAsync(fixture, org.OwnerId)).Outcome);
        var before = fixture.Model.Requests.Count;

        var personal = await BudgetArrange.AskAsync(fixture, first.UserId);
        var organization = await BudgetArrange.AskAsync(fixture, org.OwnerId);

        Assert.Equal(before, fixture.Model.Requests.Count);
        var day = SpendPeriod.UtcDayOf(fixture.Clock.GetUtcNow());
        foreach (var refused in new[] { personal, organization })
        {
            Assert.Equal(QuestionOutcome.BudgetExhausted, refused.Outcome);
            Assert.Equal((BudgetScope.Installation, 0.0001m, 2 * BudgetArrange.QuestionCost, day.EndsAt, "UTC"),
                (refused.Budget!.Scope, refused.Budget.LimitUsd, refused.Budget.SpentUsd, refused.Budget.ResetsAt, refused.Budget.TimeZone));
        }
        var line = await fixture.Grains.GetGrain<IInstallationBudgetGrain>(0).GetStatusAsync();
        Assert.Equal(new BudgetLine(BudgetScope.Installation, 0.0001m, 2 * BudgetArrange.QuestionCost), line);
    }
}
