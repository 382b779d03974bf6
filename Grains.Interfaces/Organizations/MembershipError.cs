namespace OrleansAssistant.Grains.Interfaces.Organizations;

/// <summary>Why an organization or invitation operation was refused; <see cref="None"/> on success.</summary>
[GenerateSerializer, Alias("OrleansAssistant.MembershipError")]
public enum MembershipError
{
    None = 0,
    NotRegistered = 1,
    InvalidName = 2,
    AlreadyInAnOrganization = 3,
    AlreadyInThisOrganization = 4,
    NotAllowed = 5,
    UserNotFound = 6,
    NotAMember = 7,
    CannotRemoveOwner = 8,
    OrganizationNotFound = 9,
    OrganizationIdTaken = 10,
    InvitationNotFound = 11,
    InvitationRevoked = 12,
    InvitationExpired = 13,
    InvitationUsedUp = 14,
    InvalidInvitationLimits = 15,
    UnfinishedOtherMembership = 16,
    NoDashboardAccount = 17,
    /// <summary>The owner cannot leave their own organization.</summary>
    OwnerCannotLeave = 18,
    /// <summary>A join failed midway and was undone; nothing changed and the invitation still works.</summary>
    JoinNotFinished = 19,
}
