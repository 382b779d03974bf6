namespace OrleansAssistant.Grains.Interfaces.Organizations;

[GenerateSerializer, Alias("OrleansAssistant.MembershipNoticeKind")]
public enum MembershipNoticeKind
{
    /// <summary>To the invitee: an owner asks them to join (buttons to accept or decline).</summary>
    Invited = 0,
    /// <summary>To the owner: a member left the organization.</summary>
    MemberLeft = 1,
}

/// <summary>Something the bot tells one person about their membership, handed out once by <see cref="IMembershipNoticesGrain"/>.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.MembershipNotice")]
public sealed record MembershipNotice(
    [property: Id(0)] long NoticeId,
    [property: Id(1)] long UserId,
    [property: Id(2)] MembershipNoticeKind Kind,
    [property: Id(3)] string OrgId,
    [property: Id(4)] string OrgName,
    [property: Id(5)] string? InvitationCode = null,
    [property: Id(6)] DateTimeOffset? ExpiresAt = null,
    [property: Id(7)] long? OtherUserId = null);

/// <summary>The queue of membership notices (key 0); each is handed out to one caller once.</summary>
[Alias("OrleansAssistant.IMembershipNoticesGrain")]
public interface IMembershipNoticesGrain : IGrainWithIntegerKey
{
    [Alias("Add")]
    Task AddAsync(MembershipNotice notice);

    [Alias("Take")]
    Task<IReadOnlyList<MembershipNotice>> TakeAsync(int max);
}
