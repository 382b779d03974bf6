using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Audit;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Organizations;

/// <summary>Nobody joins an organization without saying yes, and a member can always leave.</summary>
[Collection(SiloCollection.Name)]
public sealed class ConsentTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;
    private IMembershipGrain Coordinator => Grains.Coordinator();

    [Fact]
    public async Task AddById_ChangesNothing_UntilThePersonAccepts()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync("Acme");
        var userId = await TestUsers.RegisterAsync(Grains);

        var invited = await Coordinator.InviteMemberAsync(ownerId, userId);

        Assert.True(invited.Succeeded, invited.Message);
        await AssertStandaloneAsync(userId, orgId);
        var notice = Assert.Single(await NoticesForAsync(userId));
        Assert.Equal((MembershipNoticeKind.Invited, orgId, "Acme"), (notice.Kind, notice.OrgId, notice.OrgName));
        Assert.Equal(await Grains.PersonalInvitationAsync(orgId, userId), notice.InvitationCode);

        var accepted = await Coordinator.JoinAsync(userId, notice.InvitationCode!);

        Assert.True(accepted.Succeeded, accepted.Message);
        Assert.Equal((orgId, UserRole.OrgMember), ((await User(userId).GetInfoAsync())!.OrgId, (await User(userId).GetInfoAsync())!.Role));
        Assert.Null(await Grains.PersonalInvitationAsync(orgId, userId));
    }

    [Fact]
    public async Task PersonalInvitation_WorksForNobodyElse_AndAnswersThemAsAnUnknownCode()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var invitee = await TestUsers.RegisterAsync(Grains);
        var stranger = await TestUsers.RegisterAsync(Grains);
        await Coordinator.InviteMemberAsync(ownerId, invitee);
        var code = (await Grains.PersonalInvitationAsync(orgId, invitee))!;

        Assert.Equal(MembershipError.InvitationNotFound, (await Coordinator.JoinAsync(stranger, code)).Error);
        Assert.Equal(MembershipError.InvitationNotFound, (await Coordinator.DeclineInvitationAsync(stranger, code)).Error);

        await AssertStandaloneAsync(stranger, orgId);
        Assert.True((await Coordinator.JoinAsync(invitee, code)).Succeeded);
    }

    [Fact]
    public async Task Decline_LeavesNothing_AndTheInvitationStopsWorking()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var userId = await TestUsers.RegisterAsync(Grains);
        await Coordinator.InviteMemberAsync(ownerId, userId);
        var code = (await Grains.PersonalInvitationAsync(orgId, userId))!;

        var declined = await Coordinator.DeclineInvitationAsync(userId, code);

        Assert.True(declined.Succeeded, declined.Message);
        Assert.Equal(MembershipError.InvitationRevoked, (await Coordinator.JoinAsync(userId, code)).Error);
        await AssertStandaloneAsync(userId, orgId);
        Assert.Null(await Grains.PersonalInvitationAsync(orgId, userId));
    }

    [Fact]
    public async Task Expired_LeavesNothing_AndAFreshInvitationCanBeSent()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var userId = await TestUsers.RegisterAsync(Grains);
        await Coordinator.InviteMemberAsync(ownerId, userId);
        var code = (await Grains.PersonalInvitationAsync(orgId, userId))!;

        fixture.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        Assert.Equal(MembershipError.InvitationExpired, (await Coordinator.JoinAsync(userId, code)).Error);
        await AssertStandaloneAsync(userId, orgId);
        await Coordinator.InviteMemberAsync(ownerId, userId);
        var fresh = (await Grains.PersonalInvitationAsync(orgId, userId))!;
        Assert.NotEqual(code, fresh);
        Assert.True((await Coordinator.JoinAsync(userId, fresh)).Succeeded);
    }

    [Fact]
    public async Task AddById_AnswersAlike_ForUnknownUnavailableAndInvitedIds_AndSendsOneInvitation()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var (otherOwnerId, otherOrgId) = await Grains.NewOrganizationAsync("Other");
        var otherMemberId = await Grains.NewMemberAsync(otherOwnerId);
        var invitee = await TestUsers.RegisterAsync(Grains);
        var first = await Coordinator.InviteMemberAsync(ownerId, invitee);

        MembershipResult[] answers =
        [
            await Coordinator.InviteMemberAsync(ownerId, TestUsers.NewId()),
            await Coordinator.InviteMemberAsync(ownerId, otherMemberId),
            await Coordinator.InviteMemberAsync(ownerId, otherOwnerId),
            await Coordinator.InviteMemberAsync(ownerId, ownerId),
            await Coordinator.InviteMemberAsync(ownerId, invitee),
        ];

        Assert.All(answers, answer => Assert.Equal((first.Error, first.Message), (answer.Error, answer.Message)));
        Assert.Single(await NoticesForAsync(invitee));
        Assert.Empty(await NoticesForAsync(otherMemberId));
        Assert.Equal(otherOrgId, (await User(otherMemberId).GetInfoAsync())!.OrgId);
    }

    [Fact]
    public async Task AddById_ByAMember_IsRefused()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var memberId = await Grains.NewMemberAsync(ownerId);
        var userId = await TestUsers.RegisterAsync(Grains);

        Assert.Equal(MembershipError.NotAllowed, (await Coordinator.InviteMemberAsync(memberId, userId)).Error);
        Assert.Empty(await NoticesForAsync(userId));
    }

    [Fact]
    public async Task Leave_MakesTheMemberStandalone_KeepsTheirPersonalDatabases_EndsTheLogin_AndTellsTheOwner()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync("Acme");
        var userId = await TestUsers.RegisterAsync(Grains);
        await User(userId).AddPersonalDatabaseAsync("DB_personal_of_" + userId);
        var joined = await Grains.InviteAndAcceptAsync(ownerId, userId);
        await NoticesForAsync(userId);

        var left = await Coordinator.LeaveAsync(userId);

        Assert.True(left.Succeeded, left.Message);
        var info = (await User(userId).GetInfoAsync())!;
        Assert.Equal((null, UserRole.User), (info.OrgId, info.Role));
        Assert.Equal(["DB_personal_of_" + userId], info.PersonalDatabaseIds);
        Assert.DoesNotContain(await Grains.GetGrain<IOrganizationGrain>(orgId).GetMembersAsync(), m => m.UserId == userId);
        Assert.Null(await Grains.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(joined.Credentials!.Username)).VerifyAsync(joined.Credentials.Password));
        var told = Assert.Single(await NoticesForAsync(ownerId));
        Assert.Equal((MembershipNoticeKind.MemberLeft, userId, "Acme"), (told.Kind, told.OtherUserId, told.OrgName));
    }

    [Fact]
    public async Task Leave_ByTheOwnerOrSomeoneStandalone_IsRefusedAndChangesNothing()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var userId = await TestUsers.RegisterAsync(Grains);

        Assert.Equal(MembershipError.OwnerCannotLeave, (await Coordinator.LeaveAsync(ownerId)).Error);
        Assert.Equal(MembershipError.NotAMember, (await Coordinator.LeaveAsync(userId)).Error);
        Assert.Equal(orgId, (await User(ownerId).GetInfoAsync())!.OrgId);
    }

    [Fact]
    public async Task ActivityLog_ShowsAMembersCommands_OnlyWhileTheyWereAMember()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var userId = await TestUsers.RegisterAsync(Grains);
        var log = Grains.GetGrain<IActivityLogGrain>(0);
        await log.RecordCommandAsync(userId, "before");
        await Grains.InviteAndAcceptAsync(ownerId, userId);
        await log.RecordCommandAsync(userId, "during");
        await Coordinator.LeaveAsync(userId);
        await log.RecordCommandAsync(userId, "after");

        var commands = await CommandsOfAsync(orgId, userId);

        Assert.Equal(["during"], commands);
    }

    // Recording a command returns once its row has committed, so the log already holds every command recorded above.
    private async Task<IReadOnlyList<string?>> CommandsOfAsync(string orgId, long userId)
    {
        var page = await Grains.GetGrain<IActivityLogGrain>(0).ListAsync(orgId, new ActivityQuery(null, null, 1, 50));
        return page.Entries.Where(e => e.EventType == "bot.command" && e.UserId == userId).Select(e => e.TargetId).ToArray();
    }

    private IUserGrain User(long userId) => Grains.GetGrain<IUserGrain>(userId);

    private async Task AssertStandaloneAsync(long userId, string orgId)
    {
        var info = (await User(userId).GetInfoAsync())!;
        Assert.Equal((null, UserRole.User, null), (info.OrgId, info.Role, info.UnfinishedOrgId));
        Assert.DoesNotContain(await Grains.GetGrain<IOrganizationGrain>(orgId).GetMembersAsync(), m => m.UserId == userId);
    }

    /// <summary>The notices for one person, taken from the queue as the bot's relay would.</summary>
    private async Task<IReadOnlyList<MembershipNotice>> NoticesForAsync(long userId)
    {
        var taken = new List<MembershipNotice>();
        IReadOnlyList<MembershipNotice> batch;
        do
        {
            batch = await Grains.GetGrain<IMembershipNoticesGrain>(0).TakeAsync(100);
            taken.AddRange(batch);
        }
        while (batch.Count > 0);
        return taken.Where(n => n.UserId == userId).ToArray();
    }
}
