using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Grains.Organizations;

/// <summary>What the user is told for each refusal, in one place so bot and dashboard say the same.</summary>
public static class MembershipMessages
{
    public static string For(MembershipError error) => error switch
    {
        MembershipError.None => "Done.",
        MembershipError.NotRegistered => "Send /start first.",
        MembershipError.InvalidName => $"The organization name must be 1 to {DisplayName.MaxLength} characters.",
        MembershipError.AlreadyInAnOrganization => "You already belong to an organization.",
        MembershipError.AlreadyInThisOrganization => "You are already a member of this organization.",
        MembershipError.NotAllowed => "Only the organization's owner can do this.",
        MembershipError.UserNotFound => "No registered user has that Telegram id; they must send /start to the bot first.",
        MembershipError.NotAMember => "That user is not a member of your organization.",
        MembershipError.CannotRemoveOwner => "The owner cannot be removed from the organization.",
        MembershipError.OrganizationNotFound => "That organization does not exist.",
        MembershipError.OrganizationIdTaken => "Could not create the organization right now; please try again.",
        MembershipError.InvitationNotFound => "This invitation code does not exist. Check it, or ask for a new one.",
        MembershipError.InvitationRevoked => "This invitation was revoked by the organization's owner.",
        MembershipError.InvitationExpired => "This invitation has expired. Ask the organization's owner for a new one.",
        MembershipError.InvitationUsedUp => "This invitation has been used up. Ask the organization's owner for a new one.",
        MembershipError.InvalidInvitationLimits => "An invitation allows 1 to 1,000 uses and is valid for 1 to 90 days.",
        MembershipError.UnfinishedOtherMembership => "You have an unfinished join or organization creation; repeat that command to finish it.",
        MembershipError.NoDashboardAccount => "You have no dashboard account; create or join an organization first.",
        MembershipError.OwnerCannotLeave => "The owner cannot leave the organization.",
        MembershipError.JoinNotFinished => "Joining did not finish, so nothing changed and your invitation still works. Please try again.",
        _ => "That did not work.",
    };

    public static MembershipResult Refuse(MembershipError error, string? message = null) => new(error, message ?? For(error));
}
