using OrleansAssistant.Authorization;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Organizations;

[Collection(SiloCollection.Name)]
public sealed class OrganizationGrainTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;
    private IMembershipGrain Coordinator => Grains.Coordinator();

    [Fact]
    public async Task Create_ByStandaloneUser_MakesThemOwnerWithADashboardLogin()
    {
        var userId = await TestUsers.RegisterAsync(Grains);

        var result = await Coordinator.CreateOrganizationAsync(userId, "  Acme Analytics  ");

        Assert.True(result.Succeeded, result.Message);
        var organization = result.Organization!;
        Assert.Matches(@"^ORG_\d{8}_[a-z0-9]{6}$", organization.OrgId);
        Assert.Equal("Acme Analytics", organization.Name);
        Assert.Equal(userId, organization.OwnerId);
        Assert.Equal(1, organization.MemberCount);
        var user = (await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!;
        Assert.Equal(UserRole.OrgOwner, user.Role);
        Assert.Equal(organization.OrgId, user.OrgId);
        var credentials = result.Credentials!;
        Assert.Matches($"^owner_acmeanalytics_{userId}_[a-z0-9]{{8}}$", credentials.Username);
        Assert.Equal(16, credentials.Password.Length);
        var account = await Grains.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(credentials.Username)).VerifyAsync(credentials.Password);
        Assert.Equal((userId, organization.OrgId, UserRole.OrgOwner), (account!.UserId, account.OrgId, account.Role));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0000b")]
    public async Task Create_WithBadName_IsRefusedAndChangesNothing(string name)
    {
        var userId = await TestUsers.RegisterAsync(Grains);

        var result = await Coordinator.CreateOrganizationAsync(userId, name);

        Assert.Equal(MembershipError.InvalidName, result.Error);
        Assert.Contains("1 to 100 characters", result.Message, StringComparison.Ordinal);
        Assert.Equal(UserRole.User, (await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!.Role);
    }

    [Fact]
    public async Task Create_WithNameOf100Characters_Works_And101_IsRefused()
    {
        var first = await TestUsers.RegisterAsync(Grains);
        var second = await TestUsers.RegisterAsync(Grains);

        Assert.True((await Coordinator.CreateOrganizationAsync(first, new string('n', 100))).Succeeded);
        Assert.Equal(MembershipError.InvalidName, (await Coordinator.CreateOrganizationAsync(second, new string('n', 101))).Error);
    }

    [Fact]
    public async Task Create_ByOwnerOrMember_IsRefused()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var memberId = await Grains.NewMemberAsync(ownerId);

        Assert.Equal(MembershipError.AlreadyInAnOrganization, (await Coordinator.CreateOrganizationAsync(ownerId, "Second")).Error);
        Assert.Equal(MembershipError.AlreadyInAnOrganization, (await Coordinator.CreateOrganizationAsync(memberId, "Second")).Error);
    }

    [Fact]
    public async Task Create_ByUnregisteredUser_AsksForStart()
    {
        var result = await Coordinator.CreateOrganizationAsync(TestUsers.NewId(), "Ghosts");

        Assert.Equal(MembershipError.NotRegistered, result.Error);
    }

    [Fact]
    public async Task Info_And_Members_ShowOwnerAndMembersWithRolesAndJoinTimes()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var memberId = await Grains.NewMemberAsync(ownerId);

        var info = (await Grains.GetGrain<IOrganizationGrain>(orgId).GetInfoAsync())!;
        var members = await Grains.GetGrain<IOrganizationGrain>(orgId).GetMembersAsync();

        Assert.Equal(2, info.MemberCount);
        Assert.Equal(0, info.DatabaseCount);
        Assert.Equal([(ownerId, UserRole.OrgOwner), (memberId, UserRole.OrgMember)], members.Select(m => (m.UserId, m.Role)));
        Assert.True(members[0].JoinedAt <= members[1].JoinedAt);
    }

    [Fact]
    public async Task RemoveMember_MakesThemStandalone_DisablesTheirLogin_AndEndsOrgAccessAtOnce()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var userId = await TestUsers.RegisterAsync(Grains);
        var credentials = (await Grains.InviteAndAcceptAsync(ownerId, userId)).Credentials!;
        var user = Grains.GetGrain<IUserGrain>(userId);
        var orgDatabase = ResourceScope.ForOrganization(orgId);
        Assert.True(AuthorizationPolicy.Instance.Check(await user.GetPrincipalAsync(), AssistantAction.UseDatabase, orgDatabase).Allowed);

        var result = await Coordinator.RemoveMemberAsync(ownerId, userId);

        Assert.True(result.Succeeded, result.Message);
        var info = (await user.GetInfoAsync())!;
        Assert.Equal((UserRole.User, null), (info.Role, info.OrgId));
        var account = Grains.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(credentials.Username));
        Assert.Null(await account.VerifyAsync(credentials.Password));
        Assert.False((await account.GetInfoAsync())!.Enabled);
        Assert.False(AuthorizationPolicy.Instance.Check(await user.GetPrincipalAsync(), AssistantAction.UseDatabase, orgDatabase).Allowed);
        Assert.DoesNotContain(await Grains.GetGrain<IOrganizationGrain>(orgId).GetMembersAsync(), m => m.UserId == userId);
        var rows = await ActivityRows.ForOrganizationAsync(fixture.DataDirectory, orgId);
        Assert.Contains(rows, row => row.EventType == "organization.member_removed" && row.UserId == ownerId && row.TargetId == userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RemoveMember_RefusesTheOwner_NonMembers_OtherOrgsMembers_AndNonOwners()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var memberId = await Grains.NewMemberAsync(ownerId);
        var (otherOwnerId, _) = await Grains.NewOrganizationAsync("Other");
        var otherMemberId = await Grains.NewMemberAsync(otherOwnerId);
        var standaloneId = await TestUsers.RegisterAsync(Grains);

        Assert.Equal(MembershipError.CannotRemoveOwner, (await Coordinator.RemoveMemberAsync(ownerId, ownerId)).Error);
        Assert.Equal(MembershipError.NotAMember, (await Coordinator.RemoveMemberAsync(ownerId, standaloneId)).Error);
        Assert.Equal(MembershipError.NotAMember, (await Coordinator.RemoveMemberAsync(ownerId, otherMemberId)).Error);
        Assert.Equal(MembershipError.NotAllowed, (await Coordinator.RemoveMemberAsync(memberId, ownerId)).Error);
        Assert.NotNull((await Grains.GetGrain<IUserGrain>(otherMemberId).GetInfoAsync())!.OrgId);
        Assert.NotNull((await Grains.GetGrain<IUserGrain>(memberId).GetInfoAsync())!.OrgId);
    }

    [Fact]
    public async Task CreateOrganization_Interrupted_IsCompletedByRetryingIntoTheSameOrganization()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        fixture.Failures.FailNextCall<IDashboardAccountGrain>(nameof(IDashboardAccountGrain.CreateAsync));

        await Assert.ThrowsAsync<InjectedFailureException>(() => Coordinator.CreateOrganizationAsync(userId, "Resilient"));
        var pendingOrgId = (await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!.UnfinishedOrgId;
        var retried = await Coordinator.CreateOrganizationAsync(userId, "Resilient");

        Assert.True(retried.Succeeded, retried.Message);
        Assert.Equal(pendingOrgId, retried.Organization!.OrgId);
        Assert.Equal(UserRole.OrgOwner, (await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!.Role);
    }

    [Fact]
    public async Task ActivityLog_RecordsTheOrganizationsActions_WithoutPasswords()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var created = await Coordinator.CreateOrganizationAsync(userId, "Audited");
        var orgId = created.Organization!.OrgId;
        var reset = await Coordinator.ResetDashboardPasswordAsync(userId);

        var rows = await ActivityRows.ForOrganizationAsync(fixture.DataDirectory, orgId);

        Assert.Contains(rows, row => row.EventType == "organization.created" && row.UserId == userId && row.Details!.Contains("Audited", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.EventType == "dashboard.password_reset" && row.UserId == userId);
        Assert.All(rows, row => Assert.Equal("system", row.Source));
        Assert.All(rows, row => Assert.DoesNotContain(created.Credentials!.Password, row.Details ?? "", StringComparison.Ordinal));
        Assert.All(rows, row => Assert.DoesNotContain(reset.Credentials!.Password, row.Details ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResetDashboardPassword_GivesANewPassword_AndTheOldOneStopsWorking()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var first = (await Coordinator.CreateOrganizationAsync(userId, "Reset Co")).Credentials!;

        var reset = await Coordinator.ResetDashboardPasswordAsync(userId);

        Assert.True(reset.Succeeded, reset.Message);
        var account = Grains.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(first.Username));
        Assert.Null(await account.VerifyAsync(first.Password));
        Assert.NotNull(await account.VerifyAsync(reset.Credentials!.Password));
        Assert.Equal(MembershipError.NotAllowed, (await Coordinator.ResetDashboardPasswordAsync(await TestUsers.RegisterAsync(Grains))).Error);
    }
}
