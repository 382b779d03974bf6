namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>A member's own monthly limit (null: none, the organization's binds) and what they spent this month.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.MemberBudget")]
public sealed record MemberBudget(
    [property: Id(0)] long UserId,
    [property: Id(1)] decimal? LimitUsd,
    [property: Id(2)] decimal SpentUsd);

/// <summary>A model with a price in force now, which an owner may choose for a stage (USD per million tokens).</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.PricedModel")]
public sealed record PricedModel(
    [property: Id(0)] string Model,
    [property: Id(1)] decimal InputPerMillion,
    [property: Id(2)] decimal OutputPerMillion);

/// <summary>An organization's settings page: its budget, zone, members' budgets and models, with what may be chosen.</summary>
/// <param name="Chosen">The owner's choices (null: the installation's default).</param>
/// <param name="InForce">The models questions use now: a choice without a price falls back to the default.</param>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.BudgetSettings")]
public sealed record BudgetSettings(
    [property: Id(0)] decimal? MonthlyLimitUsd,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] BudgetStatus Status,
    [property: Id(3)] IReadOnlyList<MemberBudget> Members,
    [property: Id(4)] ChosenModels Chosen,
    [property: Id(5)] StageModels InForce,
    [property: Id(6)] StageModels Defaults,
    [property: Id(7)] IReadOnlyList<PricedModel> PricedModels);
