namespace OrleansAssistant.Grains.Interfaces.Organizations;

/// <summary>
/// The operations that change who belongs where. Each touches several grains (user, organization,
/// invitation, dashboard account) in a fixed order of idempotent steps, so a failure at any step is
/// completed by retrying the same operation. Stateless: use key 0.
/// </summary>
[Alias("OrleansAssistant.IMembershipGrain")]
public interface IMembershipGrain : IGrainWithIntegerKey
{
    /// <summary>A standalone user founds an organization and becomes its owner.</summary>
    [Alias("CreateOrganization")]
    Task<MembershipResult> CreateOrganizationAsync(long userId, string name);

    /// <summary>A standalone user joins the organization of an invitation code.</summary>
    [Alias("Join")]
    Task<MembershipResult> JoinAsync(long userId, string code);

    /// <summary>
    /// The owner asks a person, by Telegram id, to join: a personal invitation goes to them in the bot and nothing
    /// changes until they accept. Unknown, unavailable and already-invited ids get the same success answer.
    /// </summary>
    [Alias("InviteMember")]
    Task<MembershipResult> InviteMemberAsync(long ownerId, long userId);

    /// <summary>The invitee turns a personal invitation down; anyone else's attempt answers as for an unknown code.</summary>
    [Alias("DeclineInvitation")]
    Task<MembershipResult> DeclineInvitationAsync(long userId, string code);

    /// <summary>A member leaves: standalone again with their personal databases; the owner is told.</summary>
    [Alias("Leave")]
    Task<MembershipResult> LeaveAsync(long userId);

    /// <summary>
    /// Undoes a member join that was interrupted before the person's own record said so: roster entry, dashboard
    /// login and invitation use go back. Does nothing for anyone else. Called before the person's commands.
    /// </summary>
    /// <returns>True when something was repaired.</returns>
    [Alias("RepairUnfinishedJoin")]
    Task<bool> RepairUnfinishedJoinAsync(long userId);

    /// <summary>The owner removes a member: standalone again, dashboard login off, org access gone.</summary>
    [Alias("RemoveMember")]
    Task<MembershipResult> RemoveMemberAsync(long ownerId, long userId);

    /// <summary>The owner creates an invitation code (1–1,000 uses, valid 1–90 days).</summary>
    [Alias("CreateInvitation")]
    Task<InvitationResult> CreateInvitationAsync(long ownerId, int maxUses = 5, int validDays = 7);

    /// <summary>The owner revokes one of the organization's codes.</summary>
    [Alias("RevokeInvitation")]
    Task<InvitationResult> RevokeInvitationAsync(long ownerId, string code);

    /// <summary>A member or owner gets a new dashboard password; old sessions end.</summary>
    [Alias("ResetDashboardPassword")]
    Task<MembershipResult> ResetDashboardPasswordAsync(long userId);
}
