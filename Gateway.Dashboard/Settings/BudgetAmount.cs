using System.Text.Json;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Gateway.Dashboard.Settings;

/// <summary>The <c>monthlyUsd</c> of a budget body: a number of US dollars within <see cref="BudgetLimits"/>, or null to remove the budget.</summary>
internal static class BudgetAmount
{
    public const string Field = "monthlyUsd";

    public const string Rule = "Enter the monthly budget in US dollars: a number above 0 and at most 1,000,000 (or remove the budget).";

    /// <returns>False when the body holds no valid amount: no such field, a word, NaN, zero, a negative or too large a number.</returns>
    public static bool TryRead(JsonElement? body, out decimal? usd)
    {
        usd = null;
        if (body is not { } fields || !fields.TryGetProperty(Field, out var value)) return false;
        if (value.ValueKind == JsonValueKind.Null) return true;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var amount) || !BudgetLimits.IsValid(amount)) return false;
        usd = amount;
        return true;
    }
}
