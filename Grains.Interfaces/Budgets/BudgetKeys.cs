namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>Keys of the budget grains: one per organization, one per personal account (a person in no organization).</summary>
public static class BudgetKeys
{
    public static string Organization(string orgId) => $"budget_org_{orgId}";

    public static string Personal(long userId) => $"budget_user_{userId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The budget a question of <paramref name="userId"/> counts toward: their organization's, or their own.</summary>
    public static string Of(long userId, string? orgId) => orgId is null ? Personal(userId) : Organization(orgId);
}
