using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>
/// Requests of the access table that change organization A's settings. Each first puts A's setting back to its default
/// through the grain, so a refused caller can be checked to have left it there.
/// </summary>
public static class RbacSettingsRequests
{
    public static async Task<RbacRequest> Budget(RbacFixture f, RbacCaller caller)
    {
        Assert.Equal(BudgetChange.Changed, await Grain(f).SetMonthlyLimitAsync(await OwnerAsync(f), null));
        return new RbacRequest("/dashboard/settings/budget", new { monthlyUsd = 50 },
            async () => (await SettingsOfAAsync(f)).MonthlyLimitUsd is null);
    }

    public static async Task<RbacRequest> MemberBudget(RbacFixture f, RbacCaller caller)
    {
        Assert.Equal(BudgetChange.Changed, await Grain(f).SetMemberLimitAsync(await OwnerAsync(f), f.A.MemberId, null));
        return new RbacRequest($"/dashboard/settings/members/{f.A.MemberId.ToString(CultureInfo.InvariantCulture)}/budget", new { monthlyUsd = 10 },
            async () => (await SettingsOfAAsync(f)).Members.All(m => m.UserId != f.A.MemberId || m.LimitUsd is null));
    }

    public static async Task<RbacRequest> TimeZone(RbacFixture f, RbacCaller caller)
    {
        Assert.Equal(BudgetChange.Changed, await Grain(f).SetTimeZoneAsync(await OwnerAsync(f), "UTC"));
        return new RbacRequest("/dashboard/settings/timezone", new { timeZone = "Europe/Berlin" },
            async () => (await SettingsOfAAsync(f)).TimeZone == "UTC");
    }

    public static async Task<RbacRequest> Models(RbacFixture f, RbacCaller caller)
    {
        Assert.Equal(BudgetChange.Changed, await Grain(f).SetModelsAsync(await OwnerAsync(f), ChosenModels.Defaults));
        return new RbacRequest("/dashboard/settings/models", new { summary = "gemini-3.6-flash", answer = (string?)null, email = (string?)null },
            async () => (await SettingsOfAAsync(f)).Chosen == ChosenModels.Defaults);
    }

    private static async Task<BudgetSettings> SettingsOfAAsync(RbacFixture f) => (await Grain(f).GetSettingsAsync(await OwnerAsync(f)))!;

    private static Task<Grains.Interfaces.Users.Principal> OwnerAsync(RbacFixture f) => f.Host.PrincipalAsync(f.A.OwnerId);

    private static IBudgetGrain Grain(RbacFixture f) => f.Host.Grains.GetGrain<IBudgetGrain>(BudgetKeys.Organization(f.A.OrgId));
}
