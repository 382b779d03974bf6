using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Gateway.Dashboard.Settings;

/// <summary>Builds the Settings tab's view: the budget grain's settings, with every current member named, the owner first.</summary>
internal static class SettingsViews
{
    public static IBudgetGrain BudgetOf(this IGrainFactory grains, DashboardCaller caller) =>
        grains.GetGrain<IBudgetGrain>(BudgetKeys.Organization(caller.OrgId));

    /// <returns>Null when the grain shows the caller no settings.</returns>
    public static async Task<SettingsView?> LoadAsync(DashboardCaller caller, IGrainFactory grains, PeopleDirectory people)
    {
        var settings = await grains.BudgetOf(caller).GetSettingsAsync(caller.Principal);
        if (settings is null) return null;
        // Members who have neither a budget nor spend yet still get a row, so the owner can give them one.
        var roster = await grains.GetGrain<IOrganizationGrain>(caller.OrgId).GetMembersAsync();
        var budgets = settings.Members.ToDictionary(m => m.UserId);
        var ordered = roster.OrderByDescending(m => m.Role).ThenBy(m => m.JoinedAt).Select(m => m.UserId).ToArray();
        var names = await people.NamesAsync(ordered);
        var members = ordered.Select(id => budgets.TryGetValue(id, out var budget)
            ? new MemberBudgetView(id, names[id], budget.LimitUsd, budget.SpentUsd)
            : new MemberBudgetView(id, names[id], null, 0m)).ToArray();
        return new SettingsView(settings.MonthlyLimitUsd, settings.TimeZone, BudgetMonthView.Of(settings.Status), members,
            settings.Chosen, settings.InForce, settings.Defaults, settings.PricedModels);
    }
}
