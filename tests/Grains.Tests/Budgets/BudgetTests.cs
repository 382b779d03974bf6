using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.Grains.Tests.Questions;
using OrleansAssistant.Grains.Tests.Schedules;

namespace OrleansAssistant.Grains.Tests.Budgets;

[Collection(BudgetSiloCollection.Name)]
public sealed class BudgetTests(BudgetSiloFixture fixture)
{
    private const decimal Cost = BudgetArrange.QuestionCost;

    [Fact]
    public async Task Organization_BudgetLoweredBelowSpend_IsAccepted_AndTheNextQuestionIsRefusedBeforeAnyModelCall()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: 1m);
        var memberId = await BudgetArrange.MemberAsync(fixture, org);
        Assert.Equal(QuestionOutcome.Answered, (await BudgetArrange.AskAsync(fixture, memberId)).Outcome);

        Assert.Equal(BudgetChange.Changed, await org.Budget.SetMonthlyLimitAsync(org.Owner, Cost / 2));
        var before = fixture.Model.Requests.Count;
        var refused = await BudgetArrange.AskAsync(fixture, memberId);

        Assert.Equal(QuestionOutcome.BudgetExhausted, refused.Outcome);
        Assert.Equal(before, fixture.Model.Requests.Count);
        var refusal = Assert.IsType<BudgetRefusal>(refused.Budget);
        Assert.Equal((BudgetScope.Organization, Cost / 2, Cost, org.OwnerId), (refusal.Scope, refusal.LimitUsd, refusal.SpentUsd, refusal.OwnerUserId));
        Assert.Equal(BudgetMonth.Containing(fixture.Clock.GetUtcNow(), TimeZoneInfo.Utc).EndsAt, refusal.ResetsAt);
        Assert.Empty(refused.Usage);
        var log = await ActivityRows.ForOrganizationAsync(fixture.DataDirectory, org.OrgId);
        Assert.Contains(log, row => row.EventType == "budget.changed" && row.UserId == org.OwnerId);
        Assert.Contains(log, row => row.EventType == "budget.refused" && row.UserId == memberId);
    }

    [Fact]
    public async Task Status_ShowsTheMonthsSpendAgainstTheBudget_AndTheDaysToReset()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: 50m);
        await BudgetArrange.AskAsync(fixture, org.OwnerId);

        var status = await org.Budget.GetStatusAsync(org.Owner);

        var now = fixture.Clock.GetUtcNow();
        var month = BudgetMonth.Containing(now, TimeZoneInfo.Utc);
        Assert.NotNull(status);
        Assert.Equal((month.Key, "UTC", month.EndsAt, month.DaysToReset(now)), (status.MonthKey, status.TimeZone, status.ResetsAt, status.DaysToReset));
        Assert.Equal(new BudgetLine(BudgetScope.Organization, 50m, Cost), status.Account);
        Assert.Null(status.Member);
        var stranger = await ScheduleArrange.PrincipalAsync(fixture.Grains, await TestUsers.RegisterAsync(fixture.Grains));
        Assert.Null(await org.Budget.GetStatusAsync(stranger));
    }

    [Fact]
    public async Task NearTheLimit_TheOwnerIsToldOnce()
    {
        // One question is 86 % of the budget; the second, admitted below the limit, crosses it.
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: 0.00008m);
        await BudgetArrange.AskAsync(fixture, org.OwnerId);
        Assert.Equal(QuestionOutcome.Answered, (await BudgetArrange.AskAsync(fixture, org.OwnerId)).Outcome);
        Assert.Equal(QuestionOutcome.BudgetExhausted, (await BudgetArrange.AskAsync(fixture, org.OwnerId)).Outcome);

        var told = (await TakeNoticesAsync()).Where(notice => notice.UserId == org.OwnerId).ToArray();

        var notice = Assert.Single(told);
        Assert.Equal((BudgetNoticeKind.NearLimit, BudgetScope.Organization, 0.00008m, Cost, "Acme Analytics"),
            (notice.Kind, notice.Scope, notice.LimitUsd, notice.SpentUsd, notice.OrgName));
        Assert.DoesNotContain(await TakeNoticesAsync(), again => again.UserId == org.OwnerId);
    }

    [Fact]
    public async Task MemberBudget_StopsThatMemberOnly_AndWarnsMemberAndOwner()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: 1m);
        var capped = await BudgetArrange.MemberAsync(fixture, org);
        var other = await BudgetArrange.MemberAsync(fixture, org);
        Assert.Equal(BudgetChange.Changed, await org.Budget.SetMemberLimitAsync(org.Owner, capped, Cost));

        Assert.Equal(QuestionOutcome.Answered, (await BudgetArrange.AskAsync(fixture, capped)).Outcome);
        var refused = await BudgetArrange.AskAsync(fixture, capped);
        var answered = await BudgetArrange.AskAsync(fixture, other);

        Assert.Equal((BudgetScope.Member, Cost), (refused.Budget?.Scope, refused.Budget?.LimitUsd));
        Assert.Equal(QuestionOutcome.Answered, answered.Outcome);
        var member = await org.Budget.GetStatusAsync(await ScheduleArrange.PrincipalAsync(fixture.Grains, capped));
        Assert.Equal(new BudgetLine(BudgetScope.Member, Cost, Cost), member?.Member);
        var told = await TakeNoticesAsync();
        Assert.Contains(told, notice => notice.UserId == capped && notice.Scope == BudgetScope.Member && notice.MemberUserId == capped);
        Assert.Contains(told, notice => notice.UserId == org.OwnerId && notice.Scope == BudgetScope.Member && notice.MemberUserId == capped);
    }

    [Fact]
    public async Task MemberBudgetAboveTheOrganizations_IsAccepted_AndTheOrganizationsStillBinds()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: Cost / 2);
        var memberId = await BudgetArrange.MemberAsync(fixture, org);
        Assert.Equal(BudgetChange.Changed, await org.Budget.SetMemberLimitAsync(org.Owner, memberId, 100m));

        Assert.Equal(QuestionOutcome.Answered, (await BudgetArrange.AskAsync(fixture, memberId)).Outcome);
        var refused = await BudgetArrange.AskAsync(fixture, memberId);

        Assert.Equal(BudgetScope.Organization, refused.Budget?.Scope);
    }

    [Fact]
    public async Task PersonalAccount_OperatorsDefaultBudget_RefusesOnceSpent()
    {
        var asker = await Asker.NewAsync(fixture);
        // 0.0001 USD: two questions fit under it (the second is admitted at 0.000069), the third is refused.
        Assert.Equal(QuestionOutcome.Answered, (await BudgetArrange.AskAsync(fixture, asker.UserId)).Outcome);
        Assert.Equal(QuestionOutcome.Answered, (await BudgetArrange.AskAsync(fixture, asker.UserId)).Outcome);

        var refused = await BudgetArrange.AskAsync(fixture, asker.UserId);

        Assert.Equal((BudgetScope.Personal, 0.0001m, 2 * Cost, (long?)null),
            (refused.Budget?.Scope, refused.Budget?.LimitUsd, refused.Budget?.SpentUsd, refused.Budget?.OwnerUserId));
    }

    [Fact]
    public async Task Settings_BadAmountsAndOtherPeople_ChangeNothing()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: 5m);
        var memberId = await BudgetArrange.MemberAsync(fixture, org);
        var member = await ScheduleArrange.PrincipalAsync(fixture.Grains, memberId);
        var outsider = await BudgetArrange.OrganizationAsync(fixture);

        Assert.Equal(BudgetChange.InvalidAmount, await org.Budget.SetMonthlyLimitAsync(org.Owner, -1m));
        Assert.Equal(BudgetChange.InvalidAmount, await org.Budget.SetMonthlyLimitAsync(org.Owner, 0m));
        Assert.Equal(BudgetChange.InvalidAmount, await org.Budget.SetMonthlyLimitAsync(org.Owner, 1_000_000.01m));
        Assert.Equal(BudgetChange.NotAllowed, await org.Budget.SetMonthlyLimitAsync(member, 1m));
        Assert.Equal(BudgetChange.NotFound, await org.Budget.SetMonthlyLimitAsync(outsider.Owner, 1m));
        Assert.Equal(BudgetChange.NotAMember, await org.Budget.SetMemberLimitAsync(org.Owner, outsider.OwnerId, 1m));
        Assert.Equal(BudgetChange.UnknownTimeZone, await org.Budget.SetTimeZoneAsync(org.Owner, "Mars/Olympus_Mons"));
        Assert.Null(await org.Budget.GetSettingsAsync(member));

        var settings = await org.Budget.GetSettingsAsync(org.Owner);
        Assert.Equal((5m, "UTC"), (settings?.MonthlyLimitUsd, settings?.TimeZone));
        Assert.All(settings!.Members, budget => Assert.Null(budget.LimitUsd));
    }

    [Fact]
    public async Task ARunningQuestionsReservation_HoldsTheLastDollars_UntilItLapses()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: 0.01m);
        var estimate = new SpendEstimate(10_000, 2_000, 4_000, 1_000);
        var held = await org.Budget.ReserveAsync(new SpendRequest(org.OwnerId, org.OrgId, "conv-held", estimate));
        Assert.True(held.Admitted);
        Assert.True(held.ReservedUsd >= 0.01m / 2, $"reserved {held.ReservedUsd}");
        await org.Budget.SetMonthlyLimitAsync(org.Owner, held.ReservedUsd);

        var blocked = await org.Budget.ReserveAsync(new SpendRequest(org.OwnerId, org.OrgId, "conv-blocked", estimate));
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await org.Budget.ReserveAsync(new SpendRequest(org.OwnerId, org.OrgId, "conv-after", estimate));

        Assert.Equal((BudgetScope.Organization, held.ReservedUsd), (blocked.Refusal?.Scope, blocked.Refusal?.SpentUsd));
        Assert.True(after.Admitted);
    }

    [Fact]
    public async Task Settling_TwiceOrAfterTheReservationLapsed_CountsTheCostOnce()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: 1m);
        var estimate = new SpendEstimate(1_000, 100, 1_000, 100);
        await org.Budget.ReserveAsync(new SpendRequest(org.OwnerId, org.OrgId, "conv-twice", estimate));
        var now = fixture.Clock.GetUtcNow();
        var settlement = new SpendSettlement("conv-twice", "conv-twice", org.OwnerId, 0.25m, now, now);

        await org.Budget.SettleAsync(settlement);
        await org.Budget.SettleAsync(settlement);

        Assert.Equal(0.25m, (await org.Budget.GetStatusAsync(org.Owner))!.Account.SpentUsd);
    }

    [Fact]
    public async Task TheMonthRollsOver_AtMidnightInTheOrganizationsZone()
    {
        const string zone = "Pacific/Kiritimati";
        var org = await BudgetArrange.OrganizationAsync(fixture, monthlyUsd: Cost / 2);
        Assert.Equal(BudgetChange.Changed, await org.Budget.SetTimeZoneAsync(org.Owner, zone));
        await BudgetArrange.AskAsync(fixture, org.OwnerId);
        Assert.Equal(QuestionOutcome.BudgetExhausted, (await BudgetArrange.AskAsync(fixture, org.OwnerId)).Outcome);

        var month = BudgetMonth.Containing(fixture.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Equal(month.EndsAt, (await org.Budget.GetStatusAsync(org.Owner))!.ResetsAt);
        fixture.Clock.Advance(month.EndsAt - fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));

        var status = await org.Budget.GetStatusAsync(org.Owner);
        Assert.NotEqual(month.Key, status!.MonthKey);
        Assert.Equal(0m, status.Account.SpentUsd);
        Assert.Equal(QuestionOutcome.Answered, (await BudgetArrange.AskAsync(fixture, org.OwnerId)).Outcome);
    }

    private Task<IReadOnlyList<BudgetNotice>> TakeNoticesAsync() => fixture.Grains.GetGrain<IBudgetNoticesGrain>(0).TakeAsync(100);
}
