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
}
