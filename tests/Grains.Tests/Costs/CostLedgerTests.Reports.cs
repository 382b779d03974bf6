using OrleansAssistant.Grains.Costs;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>
/// Reports over March 2026 for an organization of two members. Expected values are worked out by hand
/// from the token counts and prices (0.30/2.50 and 0.10/0.40 per million); summed as floating point
/// some of them would come out one digit off (0.0008998 as 0.0008997999999999999).
/// </summary>
public abstract partial class CostLedgerTests
{
    private static readonly DateTimeOffset April = March.AddMonths(1);

    [Fact]
    public async Task Totals_OfTheOrganization_CountOnlyItsQuestionsInTheRange()
    {
        var org = await RecordMarchAsync();

        var totals = await new CostReports(Database).TotalsAsync(CostScope.Organization(org.Id), March, April, CancellationToken.None);

        Assert.Equal(new CostTotals(2, 4_466, 2_926, 0.0008998m, 0.0064267m), totals);
        Assert.Equal(0.0073265m, totals.TotalCost);
    }

    [Fact]
    public async Task Totals_OfOneUser_CountOnlyTheirQuestionsInTheRange()
    {
        var org = await RecordMarchAsync();

        var totals = await new CostReports(Database).TotalsAsync(CostScope.User(org.FirstUser), March, April, CancellationToken.None);

        Assert.Equal(new CostTotals(1, 1_965, 2_315, 0.0003495m, 0.005063m), totals);
    }

    [Fact]
    public async Task Totals_NothingInRange_AreZero()
    {
        var totals = await new CostReports(Database).TotalsAsync(CostScope.User(NewId()), March, April, CancellationToken.None);

        Assert.Equal(new CostTotals(0, 0, 0, 0m, 0m), totals);
    }

    [Fact]
    public async Task ByModel_SplitsTheOrganizationsCalls_BiggestCostFirst()
    {
        var org = await RecordMarchAsync();

        var byModel = await new CostReports(Database).ByModelAsync(CostScope.Organization(org.Id), March, April, CancellationToken.None);

        Assert.Equal(
            [new ModelCost(Flash25.Model, 3, 2_266, 2_503, 0.0006798m, 0.0062575m), new ModelCost(Flash20.Model, 3, 2_200, 423, 0.00022m, 0.0001692m)],
            byModel);
    }

    [Fact]
    public async Task ByStage_CountsARepairRoundWithItsStage()
    {
        var org = await RecordMarchAsync();

        var byStage = await new CostReports(Database).ByStageAsync(CostScope.Organization(org.Id), March, April, CancellationToken.None);

        Assert.Equal(
            [
                new StageCost(1, "summary", 2, 1_766, 2_303, 0.0005298m, 0.0057575m),
                new StageCost(2, "sql-response", 3, 2_200, 423, 0.00022m, 0.0001692m),
                new StageCost(3, "email", 1, 500, 200, 0.00015m, 0.0005m),
            ],
            byStage);
    }

    [Fact]
    public async Task ByUser_ListsEachMember_BiggestSpenderFirst()
    {
        var org = await RecordMarchAsync();

        var byUser = await new CostReports(Database).ByUserAsync(org.Id, March, April, CancellationToken.None);

        Assert.Equal(
            [new UserCost(org.FirstUser, 1, 1_965, 2_315, 0.0003495m, 0.005063m), new UserCost(org.SecondUser, 1, 2_501, 611, 0.0005503m, 0.0013637m)],
            byUser);
    }

    [Fact]
    public async Task InputOutput_SplitsTokensAndCost()
    {
        var org = await RecordMarchAsync();

        var split = await new CostReports(Database).InputOutputAsync(CostScope.Organization(org.Id), March, April, CancellationToken.None);

        Assert.Equal(new InputOutputSplit(new TokenSpend(4_466, 0.0008998m), new TokenSpend(2_926, 0.0064267m)), split);
        Assert.Equal(0.0008998m / 0.0073265m, split.InputShare);
    }

    /// <summary>
    /// In range: the first member's question (summary + SQL answer) and the second member's (summary,
    /// SQL answer, its repair round, e-mail; started in the last millisecond of March). Out of range or
    /// scope: the first member's questions a millisecond before March and at April exactly, and a
    /// question of someone outside the organization.
    /// </summary>
    private async Task<(string Id, long FirstUser, long SecondUser)> RecordMarchAsync()
    {
        var org = (Id: $"ORG_{Guid.NewGuid():N}", FirstUser: NewId(), SecondUser: NewId());
        var first = March.AddDays(4).AddHours(10).AddMilliseconds(123);
        var last = April.AddMilliseconds(-1);
        await RecordAsync(org.Id, org.FirstUser, first,
            Stage(1, 1, "summary", Flash25, 765, 1_970, first), Stage(2, 2, "sql-response", Flash20, 1_200, 345, first));
        await RecordAsync(org.Id, org.SecondUser, last,
            Stage(1, 1, "summary", Flash25, 1_001, 333, last), Stage(2, 2, "sql-response", Flash20, 999, 77, last),
            Stage(3, 2, "sql-response", Flash20, 1, 1, last), Stage(4, 3, "email", Flash25, 500, 200, last));
        await RecordAsync(org.Id, org.FirstUser, March.AddMilliseconds(-1), Stage(1, 1, "summary", Flash25, 10_000, 10_000, March));
        await RecordAsync(org.Id, org.FirstUser, April, Stage(1, 1, "summary", Flash25, 10_000, 10_000, April));
        await RecordAsync(null, NewId(), first, Stage(1, 1, "summary", Flash25, 10_000, 10_000, first));
        return org;
    }

    private Task RecordAsync(string? orgId, long userId, DateTimeOffset startedAt, params StageRecord[] stages) =>
        Ledger.RecordAsync(Conversation(NewConversationId(), userId, orgId, startedAt), stages, null, CancellationToken.None);
}
