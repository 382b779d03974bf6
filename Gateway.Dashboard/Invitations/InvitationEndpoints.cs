using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Gateway.Dashboard.Invitations;

/// <summary>Invitation codes: list with their use logs, create, revoke.</summary>
internal static class InvitationEndpoints
{
    private const string NotFound = "Your organization has no invitation with that code.";

    public static void MapInvitationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/invitations", ListAsync).RequireAction(AssistantAction.ListInvitations)
            .WithSummary("All of the organization's invitations, active and ended, newest first, with who used them.");
        api.MapPost("/invitations/create", CreateAsync).RequireAction(AssistantAction.CreateInvitation)
            .WithSummary("Create an invitation code (1–1,000 uses, valid 1–90 days; defaults 5 and 7).");
        api.MapDelete("/invitations/revoke", RevokeAsync).RequireAction(AssistantAction.RevokeInvitation)
            .WithSummary("Stop an invitation code from working.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IReadOnlyList<InvitationView>>> ListAsync(DashboardCaller caller, IGrainFactory grains, InvitationViews views)
    {
        return TypedResults.Ok(await views.FromAsync(await OrganizationInvitations.LoadAsync(grains, caller.OrgId)));
    }

    private static async Task<Results<Created<InvitationView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateInvitationRequest? request, DashboardCaller caller, IGrainFactory grains, InvitationViews views)
    {
        var maxUses = request?.MaxUses ?? 5;
        var validDays = request?.ValidDays ?? 7;
        if (maxUses is < 1 or > 1000) return Problems.Invalid("maxUses", "Uses must be between 1 and 1,000.");
        if (validDays is < 1 or > 90) return Problems.Invalid("validDays", "Validity must be between 1 and 90 days.");
        var result = await grains.GetGrain<IMembershipGrain>(0).CreateInvitationAsync(caller.UserId, maxUses, validDays);
        if (!result.Succeeded || result.Invitation is null) return MembershipProblem.For(result.Error, result.Message);
        return TypedResults.Created("/dashboard/invitations", (await views.FromAsync([result.Invitation]))[0]);
    }

    private static async Task<Results<Ok<InvitationView>, ValidationProblem, ProblemHttpResult>> RevokeAsync(
        string? code, DashboardCaller caller, IGrainFactory grains, InvitationViews views)
    {
        if (!InvitationCodes.IsWellFormed(code)) return Problems.Invalid("code", "Give one of your organization's invitation codes.");
        var invitation = grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code));
        // Another organization's code is answered exactly like one that does not exist.
        if (await invitation.GetInfoAsync() is not { } info || !caller.MayTouch(AssistantAction.RevokeInvitation, info.OrgId))
        {
            return Problems.NotFound(NotFound);
        }
        var result = await grains.GetGrain<IMembershipGrain>(0).RevokeInvitationAsync(caller.UserId, code);
        if (!result.Succeeded) return MembershipProblem.For(result.Error, result.Message);
        var revoked = result.Invitation ?? await invitation.GetInfoAsync() ?? info;
        return TypedResults.Ok((await views.FromAsync([revoked]))[0]);
    }
}

public sealed record CreateInvitationRequest(int? MaxUses, int? ValidDays);
