using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Invitations;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Gateway.Dashboard.Settings;
using OrleansAssistant.Grains.Interfaces.Costs;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Dashboard.Overview;

/// <summary>The first page after login: the organization at a glance.</summary>
internal static class OverviewEndpoints
{
    public static void MapOverviewEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/overview", OverviewAsync).RequireAction(AssistantAction.ViewOverview)
            .WithSummary("The organization, its counts, and (for the owner) this month's spend and its AI budget.");

    private static async Task<Results<Ok<OverviewView>, ProblemHttpResult>> OverviewAsync(DashboardCaller caller, IGrainFactory grains, TimeProvider time)
    {
        var organization = await grains.GetGrain<IOrganizationGrain>(caller.OrgId).GetInfoAsync();
        if (organization is null) return Problems.NotFound("Your organization no longer exists.");
        var owner = await grains.GetGrain<IUserGrain>(organization.OwnerId).GetInfoAsync();
        var invitations = await OrganizationInvitations.LoadAsync(grains, caller.OrgId);

        CostOverview? monthToDate = null;
        BudgetMonthView? budget = null;
        if (AuthorizationPolicy.Instance.Check(caller.Principal, AssistantAction.ViewCosts).Allowed)
        {
            var month = DateRange.MonthToDate(time);
            monthToDate = await grains.GetGrain<IOrganizationCostsGrain>(0).OverviewAsync(caller.OrgId, month.From, month.To);
            budget = await grains.BudgetOf(caller).GetStatusAsync(caller.Principal) is { } status ? BudgetMonthView.Of(status) : null;
        }
        return TypedResults.Ok(new OverviewView(
            new OrganizationView(organization.OrgId, organization.Name, organization.OwnerId, PersonName.Of(owner, organization.OwnerId),
                organization.CreatedAt, organization.MemberCount, organization.DatabaseCount),
            invitations.Count(i => i.Status == InvitationStatus.Active),
            monthToDate,
            budget));
    }
}

public sealed record OrganizationView(string OrgId, string Name, long OwnerId, string OwnerName, DateTimeOffset CreatedAt, int MemberCount, int DatabaseCount);

/// <param name="Budget">The organization's AI budget this month (its month, in its zone), for those who may see costs.</param>
public sealed record OverviewView(OrganizationView Organization, int ActiveInvitations, CostOverview? MonthToDate, BudgetMonthView? Budget = null);
