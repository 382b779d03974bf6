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
        if (!InvitationCode.IsWellFormed(code) || await invitation.GetInfoAsync() is not { } info)
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
        var result = await EnrolAsync(userId, info.OrgId, UserRole.OrgMember);
        if (result.Succeeded) await activity.AppendAsync(new ActivityEntry(ActivityEvents.MemberJoined, userId, info.OrgId, "invitation", code));
        return result;
    }

    public async Task<MembershipResult> AddMemberAsync(long ownerId, long userId)
    {
        var (ownerOrgId, refusal) = await OwnerOrganizationAsync(ownerId, AssistantAction.AddMember);
        if (refusal is not null) return refusal;
        var orgId = ownerOrgId!;
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (await user.GetPrincipalAsync() is not { } target) return MembershipMessages.Refuse(MembershipError.UserNotFound);
        if (target.OrgId == orgId) return MembershipMessages.Refuse(MembershipError.AlreadyInThisOrganization, "That user is already a member of your organization.");
        if (target.OrgId is not null) return MembershipMessages.Refuse(MembershipError.AlreadyInAnOrganization, "That user already belongs to another organization.");

        if (Refusal(await user.BeginMembershipAsync(orgId, UserRole.OrgMember)) is { } busy) return busy;
        var result = await EnrolAsync(userId, orgId, UserRole.OrgMember);
        if (result.Succeeded) await activity.AppendAsync(new ActivityEntry(ActivityEvents.MemberAdded, ownerId, orgId, "user", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return result;
    }

    public async Task<MembershipResult> RemoveMemberAsync(long ownerId, long userId)
    {
        var (orgId, refusal) = await OwnerOrganizationAsync(ownerId, AssistantAction.RemoveMember);
        if (refusal is not null) return refusal;
        var organization = GrainFactory.GetGrain<IOrganizationGrain>(orgId!);
        var info = (await organization.GetInfoAsync())!;
        if (userId == info.OwnerId) return MembershipMessages.Refuse(MembershipError.CannotRemoveOwner);
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        var member = await user.GetInfoAsync();
        var listed = (await organization.GetMembersAsync()).Any(m => m.UserId == userId);
        if (!listed && member?.OrgId != orgId) return MembershipMessages.Refuse(MembershipError.NotAMember);

        // Login first, then the user's own record (what access checks read), then the member list.
        var username = member?.DashboardUsername ?? DashboardUsername.For(UserRole.OrgMember, info.Name, userId);
        await GrainFactory.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(username)).DisableAsync();
        await user.LeaveOrganizationAsync(orgId!);
        await organization.ForgetMemberAsync(userId);
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

    /// <summary>The steps after the user is reserved: member list, dashboard login, then the user record.</summary>
    private async Task<MembershipResult> EnrolAsync(long userId, string orgId, UserRole role)
    {
        var organization = GrainFactory.GetGrain<IOrganizationGrain>(orgId);
        await organization.RecordMemberAsync(userId, role);
        var info = (await organization.GetInfoAsync())!;
        var username = DashboardUsername.For(role, info.Name, userId);
        var credentials = await GrainFactory.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(username)).CreateAsync(userId, orgId, role)
            ?? throw new InvalidOperationException($"Dashboard username {username} belongs to another user.");
        var completed = await GrainFactory.GetGrain<IUserGrain>(userId).CompleteMembershipAsync(orgId, role, username);
        if (Refusal(completed) is { } refused) return refused;
        LogEnrolled(logger, userId, orgId, role);
        return new MembershipResult(MembershipError.None, "Done.", info, credentials);
    }

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
}
