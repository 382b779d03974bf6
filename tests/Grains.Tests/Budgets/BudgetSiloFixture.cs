using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Budgets;

/// <summary>
/// A question silo with budgets in play: a small monthly budget for personal accounts, a cheap priced model owners may choose, and
/// reservations that lapse after a minute. Tests here move the clock (months roll over), so the silo is theirs alone.
/// </summary>
public sealed class BudgetSiloFixture() : QuestionSiloFixture(new Dictionary<string, string?>
{
    ["Budgets:PersonalMonthlyUsd"] = "0.0001",
    ["Budgets:ReservationMinutes"] = "1",
    [$"ModelPrices:{CheapModel}:Input"] = "0.05",
    [$"ModelPrices:{CheapModel}:Output"] = "0.20",
})
{
    /// <summary>A priced model that is not an installation default.</summary>
    public const string CheapModel = "budget-lite";
}

[CollectionDefinition(Name)]
public sealed class BudgetSiloCollection : ICollectionFixture<BudgetSiloFixture>
{
    public const string Name = "budgets";
}
