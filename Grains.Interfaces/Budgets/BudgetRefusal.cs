namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>Why a question may not spend: which limit, what it is, what has been spent against it, and when it starts again.</summary>
/// <param name="SpentUsd">Spent in the current month (day for the installation), questions still running included.</param>
/// <param name="ResetsAt">The first instant of the next month (day) in the budget's zone.</param>
/// <param name="OwnerUserId">Who can raise it: the organization's owner; null for a personal or installation limit (the operator).</param>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.BudgetRefusal")]
public sealed record BudgetRefusal(
    [property: Id(0)] BudgetScope Scope,
    [property: Id(1)] decimal LimitUsd,
    [property: Id(2)] decimal SpentUsd,
    [property: Id(3)] DateTimeOffset ResetsAt,
    [property: Id(4)] string TimeZone,
    [property: Id(5)] long? OwnerUserId = null);
