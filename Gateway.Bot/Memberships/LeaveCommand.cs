using OrleansAssistant.Gateway.Bot.Commands;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Bot.Memberships;

/// <summary>/leave asks first: nothing changes until the member presses [Leave …].</summary>
internal sealed class LeaveCommand(IGrainFactory grains, BotReplies replies)
{
    public async Task AskAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Principal is not { OrgId: { } orgId } principal)
        {
            await replies.SendAsync(request.ChatId, "You are not a member of an organization.", cancellationToken);
            return;
        }
        if (principal.Role == UserRole.OrgOwner)
        {
            await replies.SendAsync(request.ChatId, "The owner cannot leave the organization.", cancellationToken);
            return;
        }
        var name = (await grains.GetGrain<IOrganizationGrain>(orgId).GetInfoAsync())?.Name ?? "your organization";
        await replies.SendAsync(request.ChatId, LeaveTexts.Confirm(name), cancellationToken, MembershipButtons.Leave(name));
    }
}
