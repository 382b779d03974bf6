using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Storage;

namespace OrleansAssistant.Grains.Organizations;

/// <summary>
/// One invitation code. Redeem runs one call at a time (the grain is not reentrant), so the use limit
/// is exact however many people redeem at once. Calls no other grain.
/// </summary>
public sealed partial class InvitationGrain(
    [PersistentState(StorageNames.States.Invitation, StorageNames.Grains)] IPersistentState<InvitationState> invitation,
    TimeProvider timeProvider,
    ILogger<InvitationGrain> logger) : Grain, IInvitationGrain
{
    private InvitationState State => invitation.State;
    private string Code => InvitationCode.FromGrainKey(this.GetPrimaryKeyString());

    public async Task<bool> CreateAsync(string orgId, long createdBy, int maxUses, TimeSpan validFor)
    {
        if (State.Exists) return false;
        var now = timeProvider.GetUtcNow();
        State.Exists = true;
        State.OrgId = orgId;
        State.CreatedBy = createdBy;
        State.CreatedAt = now;
        State.ExpiresAt = now + validFor;
        State.MaxUses = maxUses;
        await invitation.WriteStateAsync();
        return true;
    }

    public async Task<bool> CreateForAsync(string orgId, long createdBy, long invitee, TimeSpan validFor)
    {
        if (!await CreateAsync(orgId, createdBy, maxUses: 1, validFor)) return false;
        State.Invitee = invitee;
        await invitation.WriteStateAsync();
        return true;
    }

    public Task<InvitationInfo?> GetInfoAsync() => Task.FromResult(State.Exists
        ? new InvitationInfo(Code, State.OrgId, State.CreatedBy, State.CreatedAt, State.ExpiresAt, State.MaxUses, State.Usage.Count, Status(), State.Usage.ToArray(), State.Invitee)
        : null);

    public async Task<MembershipError> RevokeAsync(string orgId)
    {
        if (!State.Exists) return MembershipError.InvitationNotFound;
        if (State.OrgId != orgId) return MembershipError.NotAllowed;
        if (State.Revoked) return MembershipError.None;
        State.Revoked = true;
        await invitation.WriteStateAsync();
        return MembershipError.None;
    }

    public async Task<MembershipError> RedeemAsync(long userId)
    {
        // A personal invitation is nobody else's business: it answers them as an unknown code would.
        if (!State.Exists || !IsFor(userId)) return MembershipError.InvitationNotFound;
        if (State.Usage.Any(use => use.UserId == userId)) return MembershipError.None;
        var refusal = Status() switch
        {
            InvitationStatus.Revoked => MembershipError.InvitationRevoked,
            InvitationStatus.Expired => MembershipError.InvitationExpired,
            InvitationStatus.UsedUp => MembershipError.InvitationUsedUp,
            _ => MembershipError.None,
        };
        if (refusal != MembershipError.None)
        {
            LogRefused(logger, State.OrgId, userId, refusal);
            return refusal;
        }
        State.Usage.Add(new InvitationUse(Code, userId, timeProvider.GetUtcNow()));
        await invitation.WriteStateAsync();
        return MembershipError.None;
    }

    public async Task ReleaseAsync(long userId)
    {
        if (State.Usage.RemoveAll(use => use.UserId == userId) == 0) return;
        await invitation.WriteStateAsync();
    }

    public async Task<MembershipError> DeclineAsync(long userId)
    {
        if (!State.Exists || State.Invitee != userId) return MembershipError.InvitationNotFound;
        if (State.Revoked) return MembershipError.None;
        State.Revoked = true;
        await invitation.WriteStateAsync();
        return MembershipError.None;
    }

    private bool IsFor(long userId) => State.Invitee is null || State.Invitee == userId;

    private InvitationStatus Status() =>
        State.Revoked ? InvitationStatus.Revoked
        : State.Usage.Count >= State.MaxUses ? InvitationStatus.UsedUp
        : timeProvider.GetUtcNow() >= State.ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Active;

    [LoggerMessage(1, LogLevel.Information, "Invitation of {OrgId} refused user {UserId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string orgId, long userId, MembershipError reason);
}
