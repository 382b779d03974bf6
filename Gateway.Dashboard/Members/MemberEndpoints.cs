using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Gateway.Dashboard.Members;

/// <summary>The organization's people: list, invite by Telegram id, remove, export.</summary>
internal static class MemberEndpoints
{
    public static void MapMemberEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/members", ListAsync).RequireAction(AssistantAction.ListMembers)
            .WithSummary("Members of the caller's organization.");
        api.MapPost("/members/add", AddAsync).RequireAction(AssistantAction.AddMember)
            .WithSummary("Invite a person by Telegram id: the bot asks them, and they become a member only if they accept. "
                + "The answer is the same whether or not the id can join.");
        api.MapDelete("/members/remove", RemoveAsync).RequireAction(AssistantAction.RemoveMember)
            .WithSummary("Remove a member: their dashboard login and access to the organization's databases end at once.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/members/export", ExportAsync).RequireAction(AssistantAction.ExportMembers)
            .WithSummary("The member list as a CSV file.")
            .Produces(StatusCodes.Status200OK, contentType: CsvFile.ContentType);
    }

    private static async Task<Ok<IReadOnlyList<MemberView>>> ListAsync(DashboardCaller caller, MemberRoster roster) =>
        TypedResults.Ok(await roster.ListAsync(caller.OrgId));

    private static async Task<Results<Accepted<AddMemberResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        AddMemberRequest? request, DashboardCaller caller, IGrainFactory grains)
    {
        if (request?.UserId is not { } userId || userId <= 0)
        {
            return Problems.Invalid("userId", "Enter the person's Telegram user id (a positive number).");
        }
        var result = await grains.GetGrain<IMembershipGrain>(0).InviteMemberAsync(caller.UserId, userId);
        if (!result.Succeeded) return MembershipProblem.For(result.Error, result.Message);
        return TypedResults.Accepted("/dashboard/members", new AddMemberResponse(
            "Invitation sent if that person can join. They become a member when they accept it in the bot; the invitation expires in 7 days."));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveAsync(
        string? userId, DashboardCaller caller, IGrainFactory grains)
    {
        if (!long.TryParse(userId, out var id) || id <= 0)
        {
            return Problems.Invalid("userId", "Give the member's Telegram user id (a positive number).");
        }
        var members = await grains.GetGrain<IOrganizationGrain>(caller.OrgId).GetMembersAsync();
        if (members.All(m => m.UserId != id))
        {
            return Problems.NotFound("No member of your organization has that id.");
        }
        var result = await grains.GetGrain<IMembershipGrain>(0).RemoveMemberAsync(caller.UserId, id);
        return result.Succeeded ? TypedResults.NoContent() : MembershipProblem.For(result.Error, result.Message);
    }

    private static async Task<FileContentHttpResult> ExportAsync(DashboardCaller caller, MemberRoster roster)
    {
        var members = await roster.ListAsync(caller.OrgId);
        var csv = new CsvFile("user_id", "display_name", "telegram_username", "role", "joined_at_utc", "last_seen_utc");
        foreach (var member in members)
        {
            csv.Add(member.UserId, member.DisplayName, member.TelegramUsername, member.Role, member.JoinedAt, member.LastSeen);
        }
        return csv.ToFile("members.csv");
    }
}

public sealed record AddMemberRequest(long? UserId);

public sealed record AddMemberResponse(string Message);
