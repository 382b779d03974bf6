using System.Globalization;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Gateway.Bot.Memberships;

/// <summary>The words of membership notices.</summary>
internal static class MembershipNoticeTexts
{
    public static string Invited(MembershipNotice notice) =>
        $"The owner of {Texts.Bold(notice.OrgName)} invites you to join the organization. "
        + "As a member you can ask questions about its databases and get a dashboard login; "
        + "the organization's owner sees your activity while you are a member, and you can /leave at any time."
        + (notice.ExpiresAt is { } expires ? $"\nThe invitation is valid until {Texts.Date(expires)}." : "");

    public static string MemberLeft(MembershipNotice notice, string? name) =>
        $"{(name is null ? "A member" : Texts.Html(name))} (id {Texts.Code(notice.OtherUserId?.ToString(CultureInfo.InvariantCulture) ?? "?")}) "
        + $"left {Texts.Bold(notice.OrgName)}.";
}
