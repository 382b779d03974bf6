using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Schedules.Runs;
using OrleansAssistant.Grains.Tests.Budgets;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>A scheduled report's sentence is spending like a question's: it counts toward the owner's budget and stops with it.</summary>
public sealed partial class ScheduleRunTests
{
    [Fact]
    public async Task Report_ItsSentenceCountsTowardTheOrganizationsBudget()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: 1m);
        var schedule = fixture.Schedule(OwnerAsAsker(org), OrdersSql, orgId: org.OrgId);
        fixture.Model.EnqueueText("Four orders.", 400, 12);

        await fixture.Runner().RunAsync(schedule, fixture.Now, manual: false, attempt: 1, CancellationToken.None);

        // 400 in × 0.10/M + 12 out × 0.40/M at the answer model's price.
        Assert.Equal(0.0000448m, (await org.Budget.GetStatusAsync(org.Owner))!.Account.SpentUsd);
    }

    [Fact]
    public async Task Report_OfASpentBudget_GoesOutWithoutASentence_AndCallsNoModel()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: 0.00001m);
        await org.Budget.SettleAsync(new SpendSettlement("spent", "spent", org.OwnerId, 0.00002m, fixture.Now, fixture.Now));
        var schedule = fixture.Schedule(OwnerAsAsker(org), OrdersSql, orgId: org.OrgId);
        var before = fixture.Model.Requests.Count;

        var report = await fixture.Runner().RunAsync(schedule, fixture.Now, manual: false, attempt: 1, CancellationToken.None);

        Assert.Equal(RunOutcome.Delivered, report.Outcome);
        Assert.Equal(before, fixture.Model.Requests.Count);
        var notice = Assert.Single(await fixture.TakeNoticesAsync(schedule.ScheduleId));
        Assert.Equal(("", 4, null), (notice.Text, notice.Rows!.Rows.Count, notice.Usage));
    }

    private Asker OwnerAsAsker(BudgetArrange.Organization org) =>
        new(org.OwnerId, org.DatabaseId, "", fixture.Grains.GetGrain<IUserGrain>(org.OwnerId));
}
