using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Gateway.Dashboard.Invitations;

/// <summary>An invitation as the Invitations tab shows it, with a link to share, who used it, and whom it was sent to.</summary>
/// <param name="Invitee">The user id a personal invitation (a member added by user id on the Members tab) was sent to; null for a shared code.</param>
public sealed record InvitationView(string Code, string? Link, string JoinCommand, long CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, int MaxUses, int Uses, InvitationStatus Status, IReadOnlyList<InvitationUseView> UsageLog,
    long? Invitee, string? InviteeName);

public sealed record InvitationUseView(long UserId, string DisplayName, DateTimeOffset UsedAt);

/// <summary>Builds <see cref="InvitationView"/>s: the bot's deep link when its username is configured, and people's names.</summary>
internal sealed class InvitationViews(DashboardSettings settings, PeopleDirectory people)
{
    public async Task<IReadOnlyList<InvitationView>> FromAsync(IEnumerable<InvitationInfo> invitations)
    {
        var list = invitations.ToArray();
        var names = await people.NamesAsync(list.SelectMany(i => i.UsageLog).Select(use => use.UserId)
            .Concat(list.Select(i => i.Invitee).OfType<long>()).Distinct());
        return list.Select(info => new InvitationView(
                info.Code,
                settings.BotUsername is { } bot ? $"https://t.me/{bot}?start=join_{info.Code}" : null,
                $"/join {info.Code}",
                info.CreatedBy, info.CreatedAt, info.ExpiresAt, info.MaxUses, info.Uses, info.Status,
                info.UsageLog.Select(use => new InvitationUseView(use.UserId, names[use.UserId], use.UsedAt)).ToArray(),
                info.Invitee, info.Invitee is { } invitee ? names[invitee] : null))
            .ToArray();
    }
}
