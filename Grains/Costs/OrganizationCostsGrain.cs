using Orleans.Concurrency;
using OrleansAssistant.Grains.Interfaces.Costs;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// The dashboard's organization cost reports. Stateless, so reports run on whichever silo is asked and
/// never queue behind one activation.
/// </summary>
[StatelessWorker]
public sealed class OrganizationCostsGrain(CostReports reports) : Grain, IOrganizationCostsGrain
{
    public async Task<CostOverview> OverviewAsync(string orgId, DateTimeOffset from, DateTimeOffset to)
    {
        var totalsQuery = reports.TotalsAsync(CostScope.Organization(orgId), from, to, CancellationToken.None);
        var perUserQuery = reports.ByUserAsync(orgId, from, to, CancellationToken.None);
        var verifiedQuery = reports.VerifiedAsync(CostScope.Organization(orgId), from, to, CancellationToken.None);
        var (totals, perUser, verified) = (await totalsQuery, await perUserQuery, await verifiedQuery);
        // A member is active in the range when they asked at least one question in it.
        var activeUsers = perUser.Count;
        return new CostOverview(from, to, totals.Questions, activeUsers, totals.InputTokens, totals.OutputTokens,
                                totals.InputCost, totals.OutputCost, totals.TotalCost, totals.ReasoningTokens, totals.UnpricedCalls,
                                verified.Answers, verified.TokensSaved);
    }

    public async Task<IReadOnlyList<ModelCostLine>> ByModelAsync(string orgId, DateTimeOffset from, DateTimeOffset to) =>
        [.. (await reports.ByModelAsync(CostScope.Organization(orgId), from, to, CancellationToken.None)).Select(row =>
            new ModelCostLine(row.Model, row.Calls, row.InputTokens, row.OutputTokens, row.InputCost, row.OutputCost, row.TotalCost,
                row.ReasoningTokens, row.UnpricedCalls))];

    public async Task<IReadOnlyList<StageCostLine>> ByStageAsync(string orgId, DateTimeOffset from, DateTimeOffset to) =>
        [.. (await reports.ByStageAsync(CostScope.Organization(orgId), from, to, CancellationToken.None)).Select(row =>
            new StageCostLine(row.StageNumber, row.StageName, row.Calls, row.InputTokens, row.OutputTokens, row.InputCost, row.OutputCost, row.TotalCost,
                row.ReasoningTokens, row.UnpricedCalls))];

    public async Task<IReadOnlyList<UserCostLine>> ByUserAsync(string orgId, DateTimeOffset from, DateTimeOffset to) =>
        [.. (await reports.ByUserAsync(orgId, from, to, CancellationToken.None)).Select(row =>
            new UserCostLine(row.UserId, row.Questions, row.InputTokens, row.OutputTokens, row.InputCost, row.OutputCost, row.TotalCost,
                row.ReasoningTokens, row.UnpricedCalls))];

    public async Task<InputOutputCost> InputOutputAsync(string orgId, DateTimeOffset from, DateTimeOffset to)
    {
        var split = await reports.InputOutputAsync(CostScope.Organization(orgId), from, to, CancellationToken.None);
        return new InputOutputCost(split.Input.Tokens, split.Input.Cost, split.Output.Tokens, split.Output.Cost, split.ReasoningTokens, split.UnpricedCalls);
    }
}
