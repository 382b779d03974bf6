using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Gateway.Dashboard.Settings;

/// <summary>The Settings tab: the organization's budget, zone, members' budgets and stage models, with what may be chosen.</summary>
public sealed record SettingsView(
    decimal? MonthlyUsd,
    string TimeZone,
    BudgetMonthView Month,
    IReadOnlyList<MemberBudgetView> Members,
    ChosenModels Chosen,
    StageModels InForce,
    StageModels Defaults,
    IReadOnlyList<PricedModel> PricedModels);

/// <summary>This month against the organization's budget; spent includes questions still running.</summary>
/// <param name="Share">Spent as a share of the limit (1 = all of it); null without a limit.</param>
public sealed record BudgetMonthView(string MonthKey, decimal SpentUsd, decimal? LimitUsd, decimal? Share, DateTimeOffset ResetsAt, int DaysToReset)
{
    public static BudgetMonthView Of(BudgetStatus status) =>
        new(status.MonthKey, status.Account.SpentUsd, status.Account.LimitUsd, status.Account.Share, status.ResetsAt, status.DaysToReset);
}

/// <summary>One member's own monthly budget (null: none) and what they spent this month.</summary>
public sealed record MemberBudgetView(long UserId, string DisplayName, decimal? MonthlyUsd, decimal SpentUsd);
