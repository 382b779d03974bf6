namespace OrleansAssistant.Grains.Interfaces.Organizations;

/// <summary>
/// One invitation code (key: <see cref="GrainKeys.Invitation"/>). Its single thread makes the use
/// limit exact however many people redeem at once.
/// </summary>
[Alias("OrleansAssistant.IInvitationGrain")]
public interface IInvitationGrain : IGrainWithStringKey
{
    /// <returns>False when the code is already taken (the caller draws another).</returns>
    [Alias("Create")]
    Task<bool> CreateAsync(string orgId, long createdBy, int maxUses, TimeSpan validFor);

    /// <summary>A one-use invitation that only <paramref name="invitee"/> can redeem or decline (an owner's add by id).</summary>
    /// <returns>False when the code is already taken (the caller draws another).</returns>
    [Alias("CreateFor")]
    Task<bool> CreateForAsync(string orgId, long createdBy, long invitee, TimeSpan validFor);

    /// <returns>Null when the code does not exist.</returns>
    [Alias("GetInfo")]
    Task<InvitationInfo?> GetInfoAsync();

    /// <summary>Stops the code working; only for the organization it belongs to.</summary>
    [Alias("Revoke")]
    Task<MembershipError> RevokeAsync(string orgId);

    /// <summary>
    /// Uses the code once for <paramref name="userId"/>. Redeeming again by the same user succeeds
    /// without using it again, so a retried join never spends two uses.
    /// </summary>
    [Alias("Redeem")]
    Task<MembershipError> RedeemAsync(long userId);

    /// <summary>Gives back the use <paramref name="userId"/> made, when their join could not be finished; idempotent.</summary>
    [Alias("Release")]
    Task ReleaseAsync(long userId);

    /// <summary>The invitee turns a personal invitation down: it stops working. Anyone else is answered as for an unknown code.</summary>
    [Alias("Decline")]
    Task<MembershipError> DeclineAsync(long userId);
}
