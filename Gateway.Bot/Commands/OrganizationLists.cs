using System.Globalization;
using System.Text;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>The lists behind the /org buttons: members, invitations and databases of one organization.</summary>
internal sealed class OrganizationLists(IGrainFactory grains)
{
    public Task<string> ForAsync(string button, string orgId, long ownerId) => button switch
    {
        OrganizationMenu.Members => MembersAsync(orgId),
        OrganizationMenu.Invitations => InvitationsAsync(orgId),
        OrganizationMenu.Databases => DatabasesAsync(orgId, ownerId),
        _ => Task.FromResult("This button no longer works; send /org again."),
    };

    private async Task<string> MembersAsync(string orgId)
    {
        var members = await grains.GetGrain<IOrganizationGrain>(orgId).GetMembersAsync();
        var text = new StringBuilder($"<b>Members ({members.Count})</b>\n");
        foreach (var member in members.OrderBy(member => member.JoinedAt))
        {
            var info = await grains.GetGrain<IUserGrain>(member.UserId).GetInfoAsync();
            var name = info is null ? member.UserId.ToString(CultureInfo.InvariantCulture) : DisplayName(info.Profile);
            var role = member.Role == UserRole.OrgOwner ? "owner" : "member";
            text.Append($"• {Texts.Html(name)} — {role}, joined {Texts.Date(member.JoinedAt)}\n");
        }
        return text.ToString();
    }

    private async Task<string> InvitationsAsync(string orgId)
    {
        var codes = await grains.GetGrain<IOrganizationGrain>(orgId).GetInvitationCodesAsync();
        if (codes.Count == 0) return "No invitations yet. Create one with /invite.";
        var text = new StringBuilder("<b>Invitations</b>\n");
        foreach (var code in codes)
        {
            if (await grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).GetInfoAsync() is not { } invitation) continue;
            var sentTo = invitation.Invitee is { } invitee ? $" for {Texts.Html(await NameOfAsync(invitee))}" : "";
            text.Append($"• {Texts.Code(invitation.Code)}{sentTo} — {invitation.Status}, used {invitation.Uses}/{invitation.MaxUses}, until {Texts.Date(invitation.ExpiresAt)}\n");
        }
        text.Append("\nCreate another with /invite.");
        return text.ToString();
    }

    private async Task<string> DatabasesAsync(string orgId, long ownerId)
    {
        var databases = (await grains.GetGrain<IDatabasesGrain>(0).ListUsableAsync(ownerId))
            .Where(database => database.OwnerOrgId == orgId)
            .ToList();
        if (databases.Count == 0) return "Your organization has no databases yet. Add one with /adddb.";
        var text = new StringBuilder("<b>Databases</b>\n");
        foreach (var database in databases)
        {
            text.Append($"• {Texts.Bold(database.Name)} — {Texts.Html(database.Description)}{(database.IsActive ? "" : " (inactive)")}\n");
        }
        return text.ToString();
    }

    private async Task<string> NameOfAsync(long userId) =>
        await grains.GetGrain<IUserGrain>(userId).GetInfoAsync() is { } info ? DisplayName(info.Profile) : userId.ToString(CultureInfo.InvariantCulture);

    private static string DisplayName(TelegramProfile profile) =>
        profile.Username is { } username ? $"{profile.FirstName} (@{username})" : profile.FirstName;
}
