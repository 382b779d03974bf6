using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using OrleansAssistant.Authorization;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Dashboard;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Organizations;

/// <summary>
/// Runs the multi-grain membership changes. Every step is idempotent and the user record is
/// written last, so a failure anywhere leaves a state that repeating the operation completes.
/// The grains it calls never call back, so no call cycle (and no deadlock) is possible.
/// </summary>
[StatelessWorker]
public sealed partial class MembershipGrain(ActivityLog activity, TimeProvider timeProvider, ILogger<MembershipGrain> logger)
    : Grain, IMembershipGrain
{
    private static readonly AuthorizationPolicy Policy = AuthorizationPolicy.Instance;

    /// <summary>How long a person has to answer an owner's invitation.</summary>
    private static readonly TimeSpan PersonalInvitationValidity = TimeSpan.FromDays(7);

    public async Task<MembershipResult> CreateOrganizationAsync(long userId, string name)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (await user.GetInfoAsync() is not { } info) return MembershipMessages.Refuse(MembershipError.NotRegistered);
        if (Refusal(await user.GetPrincipalAsync(), AssistantAction.CreateOrganization) is { } refused) return refused;
        if (!NameSafety.IsSafe(name ?? "")) return MembershipMessages.Refuse(MembershipError.InvalidName, NameSafety.Refusal("organization name"));
        if (DisplayName.Normalize(name) is not { } orgName) return MembershipMessages.Refuse(MembershipError.InvalidName);

        var orgId = await UnfinishedCreationAsync(info, userId) ?? OrganizationId.New(timeProvider.GetUtcNow());
        if (Refusal(await user.BeginMembershipAsync(orgId, UserRole.OrgOwner)) is { } busy) return busy;
        var organization = GrainFactory.GetGrain<IOrganizationGrain>(orgId);
        var created = await organization.CreateAsync(userId, orgName);
        if (created != MembershipError.None)
        {
            await user.AbandonMembershipAsync(orgId);
            return MembershipMessages.Refuse(created);
        }
        var result = await EnrolAsync(userId, orgId, UserRole.OrgOwner);
        if (result.Succeeded) await activity.AppendAsync(new ActivityEntry(ActivityEvents.OrganizationCreated, userId, orgId, "organization", orgId, new Dictionary<string, object?> { ["name"] = orgName }));
        return result;
    }

    public async Task<MembershipResult> JoinAsync(long userId, string code)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (await user.GetPrincipalAsync() is not { } principal) return MembershipMessages.Refuse(MembershipError.NotRegistered);
        code = code.Trim();
        var invitation = GrainFactory.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code));
        if (!InvitationCode.IsWellFormed(code) || await invitation.GetInfoAsync() is not { } info || !IsFor(info, userId))
        {
            return MembershipMessages.Refuse(MembershipError.InvitationNotFound);
        }
        if (principal.OrgId == info.OrgId) return MembershipMessages.Refuse(MembershipError.AlreadyInThisOrganization);
        if (Refusal(principal, AssistantAction.Join) is { } refused) return refused;

        if (Refusal(await user.BeginMembershipAsync(info.OrgId, UserRole.OrgMember)) is { } busy) return busy;
        var redeemed = await invitation.RedeemAsync(userId);
        if (redeemed != MembershipError.None)
        {
            await user.AbandonMembershipAsync(info.OrgId);
            return MembershipMessages.Refuse(redeemed);
        }
        MembershipResult result;
        try
        {
            result = await EnrolAsync(userId, info.OrgId, UserRole.OrgMember);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogJoinUndone(logger, error, userId, info.OrgId);
            await UndoJoinAsync(userId, info.OrgId);
            return MembershipMessages.Refuse(MembershipError.JoinNotFinished);
        }
        if (!result.Succeeded)
        {
            await UndoJoinAsync(userId, info.OrgId);
            return result;
        }
        if (info.Invitee is not null) await GrainFactory.GetGrain<IOrganizationGrain>(info.OrgId).ForgetPersonalInvitationAsync(userId);
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.MemberJoined, userId, info.OrgId, "invitation", code));
        return result;
    }

    public async Task<MembershipResult> InviteMemberAsync(long ownerId, long userId)
    {
        var (ownerOrgId, refusal) = await OwnerOrganizationAsync(ownerId, AssistantAction.AddMember);
        if (refusal is not null) return refusal;
        var orgId = ownerOrgId!;
        var organization = GrainFactory.GetGrain<IOrganizationGrain>(orgId);
        var org = (await organization.GetInfoAsync())!;
        // One answer whether the id is unknown, taken, already invited or invited now: the owner learns nothing about others.
        var sent = new MembershipResult(MembershipError.None, "Invitation sent if that person can join.", org);
        if (userId <= 0 || userId == ownerId) return sent;
        var target = await GrainFactory.GetGrain<IUserGrain>(userId).GetPrincipalAsync();
        if (target is not { OrgId: null }) return sent;
        if (await organization.GetPersonalInvitationAsync(userId) is { } open
            && await GrainFactory.GetGrain<IInvitationGrain>(GrainKeys.Invitation(open)).GetInfoAsync() is { Status: InvitationStatus.Active })
        {
            return sent;
        }

        while (true)
        {
            var code = InvitationCode.New();
            var invitation = GrainFactory.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code));
            if (!await invitation.CreateForAsync(orgId, ownerId, userId, PersonalInvitationValidity)) continue;
            await organization.RecordPersonalInvitationAsync(userId, code);
            var created = (await invitation.GetInfoAsync())!;
            await GrainFactory.GetGrain<IMembershipNoticesGrain>(0).AddAsync(
                new MembershipNotice(0, userId, MembershipNoticeKind.Invited, orgId, org.Name, code, created.ExpiresAt));
            await activity.AppendAsync(new ActivityEntry(ActivityEvents.InvitationCreated, ownerId, orgId, "invitation", code,
                new Dictionary<string, object?> { ["invitee"] = userId, ["maxUses"] = 1, ["validDays"] = PersonalInvitationValidity.Days }));
            return sent;
        }
    }

    public async Task<MembershipResult> DeclineInvitationAsync(long userId, string code)
    {
        code = code.Trim();
        var invitation = GrainFactory.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code));
        if (!InvitationCode.IsWellFormed(code) || await invitation.GetInfoAsync() is not { } info || info.Invitee != userId)
        {
            return MembershipMessages.Refuse(MembershipError.InvitationNotFound);
        }
        var declined = await invitation.DeclineAsync(userId);
        if (declined != MembershipError.None) return MembershipMessages.Refuse(declined);
        var organization = GrainFactory.GetGrain<IOrganizationGrain>(info.OrgId);
        await organization.ForgetPersonalInvitationAsync(userId);
        return new MembershipResult(MembershipError.None, "Invitation declined.", await organization.GetInfoAsync());
    }

    public async Task<MembershipResult> LeaveAsync(long userId)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (await user.GetPrincipalAsync() is not { } principal) return MembershipMessages.Refuse(MembershipError.NotRegistered);
        if (principal.OrgId is not { } orgId) return MembershipMessages.Refuse(MembershipError.NotAMember, "You are not a member of an organization.");
        if (principal.Role == UserRole.OrgOwner) return MembershipMessages.Refuse(MembershipError.OwnerCannotLeave);
        var organization = GrainFactory.GetGrain<IOrganizationGrain>(orgId);
        var info = await organization.GetInfoAsync();

        await EndMembershipAsync(userId, orgId);
        LogLeft(logger, userId, orgId);
        // The member is their own actor: the log shows they left rather than were removed by the owner.
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.MemberRemoved, userId, orgId, "user", userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Dictionary<string, object?> { ["left"] = true }));
        if (info is not null)
        {
            await GrainFactory.GetGrain<IMembershipNoticesGrain>(0).AddAsync(
                new MembershipNotice(0, info.OwnerId, MembershipNoticeKind.MemberLeft, orgId, info.Name, OtherUserId: userId));
        }
        return new MembershipResult(MembershipError.None, "You left the organization.", info);
    }

    public async Task<bool> RepairUnfinishedJoinAsync(long userId)
    {
        var info = await GrainFactory.GetGrain<IUserGrain>(userId).GetInfoAsync();
        if (info is not { OrgId: null, UnfinishedOrgId: { } pending }) return false;
        var organization = await GrainFactory.GetGrain<IOrganizationGrain>(pending).GetInfoAsync();
        // An unfinished creation (no organization yet, or this person's own) is finished by repeating /createorg.
        if (organization is null || organization.OwnerId == userId) return false;
        await UndoJoinAsync(userId, pending);
        LogRepaired(logger, userId, pending);
        return true;
    }

    public async Task<MembershipResult> RemoveMemberAsync(long ownerId, long userId)
    {
        var (orgId, refusal) = await OwnerOrganizationAsync(ownerId, AssistantAction.RemoveMember);
        if (refusal is not null) return refusal;
        var organization = GrainFactory.GetGrain<IOrganizationGrain>(orgId!);
        var info = (await organization.GetInfoAsync())!;
        if (userId == info.OwnerId) return MembershipMessages.Refuse(MembershipError.CannotRemoveOwner);
        var member = await GrainFactory.GetGrain<IUserGrain>(userId).GetInfoAsync();
        var listed = (await organization.GetMembersAsync()).Any(m => m.UserId == userId);
        if (!listed && member?.OrgId != orgId) return MembershipMessages.Refuse(MembershipError.NotAMember);

        await EndMembershipAsync(userId, orgId!);
        LogRemoved(logger, userId, orgId!);
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.MemberRemoved, ownerId, orgId, "user", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new MembershipResult(MembershipError.None, "The member was removed.", await organization.GetInfoAsync());
    }

    public async Task<InvitationResult> CreateInvitationAsync(long ownerId, int maxUses = 5, int validDays = 7)
    {
        var (orgId, refusal) = await OwnerOrganizationAsync(ownerId, AssistantAction.CreateInvitation);
        if (refusal is not null) return new InvitationResult(refusal.Error, refusal.Message);
        if (maxUses is < 1 or > 1000 || validDays is < 1 or > 90)
        {
            return new InvitationResult(MembershipError.InvalidInvitationLimits, MembershipMessages.For(MembershipError.InvalidInvitationLimits));
        }
        while (true)
        {
            var code = InvitationCode.New();
            var invitation = GrainFactory.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code));
            if (!await invitation.CreateAsync(orgId!, ownerId, maxUses, TimeSpan.FromDays(validDays))) continue;
            await GrainFactory.GetGrain<IOrganizationGrain>(orgId!).RecordInvitationAsync(code);
            await activity.AppendAsync(new ActivityEntry(ActivityEvents.InvitationCreated, ownerId, orgId, "invitation", code,
                new Dictionary<string, object?> { ["maxUses"] = maxUses, ["validDays"] = validDays }));
            return new InvitationResult(MembershipError.None, "Invitation created.", await invitation.GetInfoAsync());
        }
    }

    public async Task<InvitationResult> RevokeInvitationAsync(long ownerId, string code)
    {
        var (orgId, refusal) = await OwnerOrganizationAsync(ownerId, AssistantAction.RevokeInvitation);
        if (refusal is not null) return new InvitationResult(refusal.Error, refusal.Message);
        code = code.Trim();
        var invitation = GrainFactory.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code));
        // Another organization's code answers exactly like an unknown one: ids of others are not confirmed.
        if (!InvitationCode.IsWellFormed(code) || await invitation.GetInfoAsync() is not { } info || info.OrgId != orgId)
        {
            return new InvitationResult(MembershipError.InvitationNotFound, MembershipMessages.For(MembershipError.InvitationNotFound));
        }
        await invitation.RevokeAsync(orgId!);
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.InvitationRevoked, ownerId, orgId, "invitation", code));
        return new InvitationResult(MembershipError.None, "Invitation revoked.", await invitation.GetInfoAsync());
    }

    public async Task<MembershipResult> ResetDashboardPasswordAsync(long userId)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (await user.GetInfoAsync() is not { } info) return MembershipMessages.Refuse(MembershipError.NotRegistered);
        if (Refusal(await user.GetPrincipalAsync(), AssistantAction.ResetDashboardPassword) is { } refused) return refused;
        if (info.DashboardUsername is not { } username) return MembershipMessages.Refuse(MembershipError.NoDashboardAccount);
        var credentials = await GrainFactory.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(username)).ResetCredentialsAsync();
        if (credentials is null) return MembershipMessages.Refuse(MembershipError.NoDashboardAccount);
        await activity.AppendAsync(new ActivityEntry(ActivityEvents.DashboardPasswordReset, userId, info.OrgId, "dashboardAccount", username));
        return new MembershipResult(MembershipError.None, "Your dashboard password was reset; earlier sessions have ended.",
            await GrainFactory.GetGrain<IOrganizationGrain>(info.OrgId!).GetInfoAsync(), credentials);
    }

    /// <summary>
    /// The steps after the user is reserved: member list (which draws the dashboard username), dashboard login,
    /// then the user record. Throws when a step fails; a join then undoes what was done (<see cref="UndoJoinAsync"/>).
    /// </summary>
    private async Task<MembershipResult> EnrolAsync(long userId, string orgId, UserRole role)
    {
        var organization = GrainFactory.GetGrain<IOrganizationGrain>(orgId);
        var username = await organization.RecordMemberAsync(userId, role);
        var info = (await organization.GetInfoAsync())!;
        var credentials = await GrainFactory.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(username)).CreateAsync(userId, orgId, role)
            ?? throw new InvalidOperationException($"Dashboard username {username} belongs to another user.");
        var completed = await GrainFactory.GetGrain<IUserGrain>(userId).CompleteMembershipAsync(orgId, role, username);
        if (Refusal(completed) is { } refused) return refused;
        LogEnrolled(logger, userId, orgId, role);
        return new MembershipResult(MembershipError.None, "Done.", info, credentials);
    }

    /// <summary>
    /// Takes back every trace of a member join that did not finish: the login, the roster entry, the invitation use
    /// (so the code still works), and last the reservation on the user record, which is what marks the join as unfinished.
    /// </summary>
    private async Task UndoJoinAsync(long userId, string orgId)
    {
        var organization = GrainFactory.GetGrain<IOrganizationGrain>(orgId);
        var record = (await organization.GetMembersAsync()).FirstOrDefault(m => m.UserId == userId);
        if (record is { Role: UserRole.OrgMember })
        {
            if (record.DashboardUsername is { } username) await GrainFactory.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(username)).DisableAsync();
            await organization.ForgetMemberAsync(userId);
        }
        // The organization's list holds the personal invitations too, so the one this person was sent is among them.
        foreach (var code in await organization.GetInvitationCodesAsync()) await GrainFactory.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).ReleaseAsync(userId);
        await GrainFactory.GetGrain<IUserGrain>(userId).AbandonMembershipAsync(orgId);
    }

    /// <summary>Login first, then the user's own record (what access checks read), then the member list.</summary>
    private async Task EndMembershipAsync(long userId, string orgId)
    {
        var organization = GrainFactory.GetGrain<IOrganizationGrain>(orgId);
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        var record = (await organization.GetMembersAsync()).FirstOrDefault(m => m.UserId == userId);
        var usernames = new[] { record?.DashboardUsername, (await user.GetInfoAsync())?.DashboardUsername }.OfType<string>().Distinct();
        foreach (var username in usernames) await GrainFactory.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(username)).DisableAsync();
        await user.LeaveOrganizationAsync(orgId);
        await organization.ForgetMemberAsync(userId);
    }

    private static bool IsFor(InvitationInfo invitation, long userId) => invitation.Invitee is null || invitation.Invitee == userId;

    /// <summary>The id of an organization whose creation by this user was interrupted, so a retry finishes it.</summary>
    private async Task<string?> UnfinishedCreationAsync(UserInfo info, long userId)
    {
        if (info.UnfinishedOrgId is not { } pending) return null;
        var organization = await GrainFactory.GetGrain<IOrganizationGrain>(pending).GetInfoAsync();
        return organization is null || organization.OwnerId == userId ? pending : null;
    }

    private async Task<(string? OrgId, MembershipResult? Refusal)> OwnerOrganizationAsync(long ownerId, AssistantAction action)
    {
        var principal = await GrainFactory.GetGrain<IUserGrain>(ownerId).GetPrincipalAsync();
        return Refusal(principal, action) is { } refused ? (null, refused) : (principal!.OrgId, null);
    }

    private static MembershipResult? Refusal(Principal? principal, AssistantAction action)
    {
        if (principal is null) return MembershipMessages.Refuse(MembershipError.NotRegistered);
        var decision = Policy.Check(principal, action);
        if (decision.Allowed) return null;
        var error = principal.OrgId is not null && action is AssistantAction.CreateOrganization or AssistantAction.Join
            ? MembershipError.AlreadyInAnOrganization
            : MembershipError.NotAllowed;
        return MembershipMessages.Refuse(error, decision.Reason);
    }

    private static MembershipResult? Refusal(MembershipStep step) => step switch
    {
        MembershipStep.Done => null,
        MembershipStep.NotRegistered => MembershipMessages.Refuse(MembershipError.NotRegistered),
        MembershipStep.InAnotherOrganization => MembershipMessages.Refuse(MembershipError.AlreadyInAnOrganization),
        MembershipStep.AlreadyInThisOrganization => MembershipMessages.Refuse(MembershipError.AlreadyInThisOrganization),
        _ => MembershipMessages.Refuse(MembershipError.UnfinishedOtherMembership),
    };

    [LoggerMessage(1, LogLevel.Information, "User {UserId} enrolled in {OrgId} as {Role}")]
    private static partial void LogEnrolled(ILogger logger, long userId, string orgId, UserRole role);

    [LoggerMessage(2, LogLevel.Information, "User {UserId} removed from {OrgId}")]
    private static partial void LogRemoved(ILogger logger, long userId, string orgId);

    [LoggerMessage(3, LogLevel.Information, "User {UserId} left {OrgId}")]
    private static partial void LogLeft(ILogger logger, long userId, string orgId);

    [LoggerMessage(4, LogLevel.Warning, "Join of user {UserId} to {OrgId} failed midway and was undone")]
    private static partial void LogJoinUndone(ILogger logger, Exception error, long userId, string orgId);

    [LoggerMessage(5, LogLevel.Warning, "Unfinished join of user {UserId} to {OrgId} found and undone")]
    private static partial void LogRepaired(ILogger logger, long userId, string orgId);
}
