namespace OrleansAssistant.Grains.Interfaces.Organizations;

[GenerateSerializer, Alias("OrleansAssistant.InvitationStatus")]
public enum InvitationStatus
{
    Active = 0,
    Revoked = 1,
    Expired = 2,
    UsedUp = 3,
}

[GenerateSerializer, Immutable, Alias("OrleansAssistant.InvitationUse")]
public sealed record InvitationUse(
    [property: Id(0)] string Code,
    [property: Id(1)] long UserId,
    [property: Id(2)] DateTimeOffset UsedAt);

[GenerateSerializer, Immutable, Alias("OrleansAssistant.InvitationInfo")]
public sealed record InvitationInfo(
    [property: Id(0)] string Code,
    [property: Id(1)] string OrgId,
    [property: Id(2)] long CreatedBy,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] int MaxUses,
    [property: Id(6)] int Uses,
    [property: Id(7)] InvitationStatus Status,
    [property: Id(8)] IReadOnlyList<InvitationUse> UsageLog,
    [property: Id(9)] long? Invitee = null);

[GenerateSerializer, Immutable, Alias("OrleansAssistant.InvitationResult")]
public sealed record InvitationResult(
    [property: Id(0)] MembershipError Error,
    [property: Id(1)] string Message,
    [property: Id(2)] InvitationInfo? Invitation = null)
{
    public bool Succeeded => Error == MembershipError.None;
}
