namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>Spent against one limit in the current period; <see cref="LimitUsd"/> null when there is no limit.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.BudgetLine")]
public sealed record BudgetLine(
    [property: Id(0)] BudgetScope Scope,
    [property: Id(1)] decimal? LimitUsd,
    [property: Id(2)] decimal SpentUsd)
{
    /// <summary>Spent as a share of the limit (1 = all of it); null without a limit.</summary>
    public decimal? Share => LimitUsd is > 0 ? SpentUsd / LimitUsd.Value : null;
}

/// <summary>
/// The month as a person may see it: the account's line (the organization's, or the personal one) and, for a member with a
/// budget of their own, theirs. Spent includes questions still running.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.BudgetStatus")]
public sealed record BudgetStatus(
    [property: Id(0)] string MonthKey,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] DateTimeOffset ResetsAt,
    [property: Id(3)] int DaysToReset,
    [property: Id(4)] BudgetLine Account,
    [property: Id(5)] BudgetLine? Member = null);
