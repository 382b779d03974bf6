using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Costs;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>The dashboard's organization reports, read through the grain from what the ledger recorded.</summary>
[Collection(SiloCollection.Name)]
public sealed class OrganizationCostsGrainTests(SiloFixture fixture)
{
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);

    private readonly string _orgId = $"org_{Guid.NewGuid():N}";
    private readonly long _alice = TestUsers.NewId();
    private readonly long _bob = TestUsers.NewId();

    private IOrganizationCostsGrain Costs => fixture.Grains.GetGrain<IOrganizationCostsGrain>(0);

    [Fact]
    public async Task Reports_CountOnlyTheOrganizationsQuestionsInTheRange()
    {
        await RecordAsync(_alice, _orgId, From.AddHours(1), ("gemini-2.5-flash", 1, "summary", 1_000, 100, 0.0003m, 0.00025m));
        await RecordAsync(_alice, _orgId, From.AddHours(2), ("gemini-2.5-flash", 2, "sql", 2_000, 200, 0.0006m, 0.0005m));
        await RecordAsync(_bob, _orgId, From.AddHours(3), ("gemini-2.0-flash", 1, "summary", 500, 50, 0.00005m, 0.00002m));
        await RecordAsync(_bob, _orgId, To, ("gemini-2.5-flash", 1, "summary", 9_999, 999, 1m, 1m));
        await RecordAsync(_bob, $"org_{Guid.NewGuid():N}", From.AddHours(4), ("gemini-2.5-flash", 1, "summary", 9_999, 999, 1m, 1m));

        var overview = await Costs.OverviewAsync(_orgId, From, To);
        var byUser = await Costs.ByUserAsync(_orgId, From, To);
        var byModel = await Costs.ByModelAsync(_orgId, From, To);
        var byStage = await Costs.ByStageAsync(_orgId, From, To);
        var split = await Costs.InputOutputAsync(_orgId, From, To);

        Assert.Equal(new CostOverview(From, To, 3, 2, 3_500, 350, 0.00095m, 0.00077m, 0.00172m), overview);
        Assert.Equal([new UserCostLine(_alice, 2, 3_000, 300, 0.0009m, 0.00075m, 0.00165m), new UserCostLine(_bob, 1, 500, 50, 0.00005m, 0.00002m, 0.00007m)], byUser);
        Assert.Equal(["gemini-2.5-flash", "gemini-2.0-flash"], byModel.Select(line => line.Model));
        Assert.Equal(new ModelCostLine("gemini-2.5-flash", 2, 3_000, 300, 0.0009m, 0.00075m, 0.00165m), byModel[0]);
        Assert.Equal([(1, "summary", 2L), (2, "sql", 1L)], byStage.Select(line => (line.StageNumber, line.StageName, line.Calls)));
        Assert.Equal(new InputOutputCost(3_500, 0.00095m, 350, 0.00077m), split);
    }

    [Fact]
    public async Task Overview_OfAnOrganizationWithoutQuestions_IsAllZero()
    {
        Assert.Equal(new CostOverview(From, To, 0, 0, 0, 0, 0m, 0m, 0m), await Costs.OverviewAsync(_orgId, From, To));
        Assert.Empty(await Costs.ByModelAsync(_orgId, From, To));
    }

    private Task RecordAsync(long userId, string orgId, DateTimeOffset startedAt,
                             (string Model, int StageNumber, string StageName, int InputTokens, int OutputTokens, decimal InputCost, decimal OutputCost) call)
    {
        var conversation = new ConversationRecord(Guid.NewGuid().ToString("N"), userId, userId, orgId, "db_test", "How many orders?", "SqlQuery",
            "Answered", "42 orders.", null, startedAt, startedAt.AddSeconds(2), 2_000);
        var stage = new StageRecord(1, call.StageNumber, call.StageName, call.Model, call.InputTokens, call.OutputTokens, call.InputCost, call.OutputCost,
            startedAt, 500, true);
        return fixture.Services.GetRequiredService<ConversationLedger>().RecordAsync(conversation, [stage], null, CancellationToken.None);
    }
}
