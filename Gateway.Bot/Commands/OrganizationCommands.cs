using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>/createorg, /orginfo, /invite, /join and /resetpassword: the membership grain decides, this translates.</summary>
internal sealed class OrganizationCommands(IGrainFactory grains, BotIdentity identity, BotReplies replies, CredentialsReply credentials)
{
    private IMembershipGrain Membership => grains.GetGrain<IMembershipGrain>(0);

    public async Task CreateAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.Length == 0)
        {
            await replies.SendAsync(request.ChatId, request.UsageHtml, cancellationToken);
            return;
        }
        var result = await Membership.CreateOrganizationAsync(request.UserId, request.Arguments);
        if (!result.Succeeded)
        {
            await replies.SendAsync(request.ChatId, Texts.Html(result.Message), cancellationToken);
            return;
        }
        var name = result.Organization?.Name ?? request.Arguments;
        await replies.SendAsync(request.ChatId,
            $"Organization {Texts.Bold(name)} created; you are its owner. Invite people with /invite and add databases with /adddb.", cancellationToken);
        await credentials.SendAsync(request, result.Credentials, cancellationToken);
    }

    public async Task InfoAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var info = request.Principal?.OrgId is { } orgId ? await grains.GetGrain<IOrganizationGrain>(orgId).GetInfoAsync() : null;
        if (info is null)
        {
            await replies.SendAsync(request.ChatId, "Your organization could not be found.", cancellationToken);
            return;
        }
        var text = $"<b>{Texts.Html(info.Name)}</b>\n"
            + $"Id: {Texts.Code(info.OrgId)}\n"
            + $"Owner: {Texts.Code(info.OwnerId.ToString(System.Globalization.CultureInfo.InvariantCulture))}\n"
            + $"Created: {Texts.Date(info.CreatedAt)}\n"
            + $"Members: {info.MemberCount} · Databases: {info.DatabaseCount}";
        await replies.SendAsync(request.ChatId, text, cancellationToken);
    }

    public async Task InviteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (InvitationArguments.Parse(request.Arguments) is not { } limits)
        {
            await replies.SendAsync(request.ChatId, request.UsageHtml + "\nUses 1–1,000, days 1–90 (default 5 uses, 7 days).", cancellationToken);
            return;
        }
        var result = await Membership.CreateInvitationAsync(request.UserId, limits.Uses, limits.Days);
        if (result is not { Succeeded: true, Invitation: { } invitation })
        {
            await replies.SendAsync(request.ChatId, Texts.Html(result.Message), cancellationToken);
            return;
        }
        var text = $"Invitation code: {Texts.Code(invitation.Code)}\n"
            + $"Valid for {invitation.MaxUses} use(s) until {Texts.Date(invitation.ExpiresAt)}.\n"
            + $"Share this link: {Texts.Html(identity.StartLink("join_" + invitation.Code))}\n"
            + $"or ask people to send {Texts.Code("/join " + invitation.Code)}.";
        await replies.SendAsync(request.ChatId, text, cancellationToken);
    }

    public Task JoinAsync(CommandRequest request, CancellationToken cancellationToken) => JoinCoreAsync(request, cancellationToken);

    /// <summary>/start join_&lt;code&gt;: the same as /join, but the policy has not been asked yet.</summary>
    public async Task JoinCheckedAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Decision is { Allowed: false } refusal)
        {
            await replies.SendAsync(request.ChatId, Texts.Html(refusal.Reason), cancellationToken);
            return;
        }
        await JoinCoreAsync(request, cancellationToken);
    }

    public async Task ResetPasswordAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!request.IsPrivateChat)
        {
            await replies.SendAsync(request.ChatId, "For your password's sake, send /resetpassword in a private chat with me.", cancellationToken);
            return;
        }
        var result = await Membership.ResetDashboardPasswordAsync(request.UserId);
        await replies.SendAsync(request.ChatId, Texts.Html(result.Message), cancellationToken);
        if (result.Succeeded) await credentials.SendAsync(request, result.Credentials, cancellationToken);
    }

    private async Task JoinCoreAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var code = request.Arguments.Trim();
        if (code.Length == 0 || code.Contains(' ', StringComparison.Ordinal))
        {
            await replies.SendAsync(request.ChatId, request.UsageHtml, cancellationToken);
            return;
        }
        var result = await Membership.JoinAsync(request.UserId, code);
        if (!result.Succeeded)
        {
            await replies.SendAsync(request.ChatId, Texts.Html(result.Message), cancellationToken);
            return;
        }
        var name = result.Organization?.Name ?? "the organization";
        await replies.SendAsync(request.ChatId,
            $"You joined {Texts.Bold(name)}. Choose one of its databases with /selectdb, then ask away.", cancellationToken);
        await credentials.SendAsync(request, result.Credentials, cancellationToken);
    }
}
