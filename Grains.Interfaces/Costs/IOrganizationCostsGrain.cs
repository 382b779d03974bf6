namespace OrleansAssistant.Grains.Interfaces.Costs;

/// <summary>
/// An organization's spend over [from, to) for the dashboard, read from the cost ledger. The caller
/// has already checked that the asker may see this organization's costs. Stateless: use key 0.
/// </summary>
[Alias("OrleansAssistant.IOrganizationCostsGrain")]
public interface IOrganizationCostsGrain : IGrainWithIntegerKey
{
    [Alias("Overview")]
    Task<CostOverview> OverviewAsync(string orgId, DateTimeOffset from, DateTimeOffset to);

    /// <summary>Model calls per model, the most expensive first.</summary>
    [Alias("ByModel")]
    Task<IReadOnlyList<ModelCostLine>> ByModelAsync(string orgId, DateTimeOffset from, DateTimeOffset to);

    /// <summary>Model calls per pipeline stage, in stage order.</summary>
    [Alias("ByStage")]
    Task<IReadOnlyList<StageCostLine>> ByStageAsync(string orgId, DateTimeOffset from, DateTimeOffset to);

    /// <summary>Questions per member, the biggest spender first.</summary>
    [Alias("ByUser")]
    Task<IReadOnlyList<UserCostLine>> ByUserAsync(string orgId, DateTimeOffset from, DateTimeOffset to);

    [Alias("InputOutput")]
    Task<InputOutputCost> InputOutputAsync(string orgId, DateTimeOffset from, DateTimeOffset to);
}
