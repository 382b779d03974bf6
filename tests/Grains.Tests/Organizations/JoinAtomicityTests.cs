using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Organizations;

/// <summary>A join either completes (membership, login, roster, invitation use) or leaves nothing behind.</summary>
[Collection(SiloCollection.Name)]
public sealed class JoinAtomicityTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;
    private IMembershipGrain Coordinator => Grains.Coordinator();

    [Fact]
    public async Task SameSlug_AnotherOrganizationAddedAndRemovedThePerson_TheirLaterJoinStillWorks()
    {
        var (acmeUpperOwner, _) = await Grains.NewOrganizationAsync("ACME");
        var (acmeOwner, acmeId) = await Grains.NewOrganizationAsync("Acme");
        var userId = await TestUsers.RegisterAsync(Grains);
        var first = await Grains.InviteAndAcceptAsync(acmeUpperOwner, userId);
        Assert.True(first.Succeeded, first.Message);
        Assert.True((await Coordinator.RemoveMemberAsync(acmeUpperOwner, userId)).Succeeded);
        var code = (await Coordinator.CreateInvitationAsync(acmeOwner, maxUses: 1, validDays: 1)).Invitation!.Code;

        var joined = await Coordinator.JoinAsync(userId, code);

        Assert.True(joined.Succeeded, joined.Message);
        Assert.NotEqual(first.Credentials!.Username, joined.Credentials!.Username);
        Assert.StartsWith($"member_acme_{userId}_", joined.Credentials.Username, StringComparison.Ordinal);
        var user = (await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!;
        Assert.Equal((acmeId, UserRole.OrgMember, joined.Credentials.Username), (user.OrgId, user.Role, user.DashboardUsername));
        Assert.NotNull(await Account(joined.Credentials.Username).VerifyAsync(joined.Credentials.Password));
        Assert.Null(await Account(first.Credentials.Username).VerifyAsync(first.Credentials.Password));
    }

    [Theory]
    [InlineData(nameof(IDashboardAccountGrain.CreateAsync))]
    [InlineData(nameof(IUserGrain.CompleteMembershipAsync))]
    public async Task FailureMidway_LeavesNothing_GivesTheUseBack_AndARetrySucceeds(string failingStep)
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var code = (await Coordinator.CreateInvitationAsync(ownerId, maxUses: 1, validDays: 1)).Invitation!.Code;
        var userId = await TestUsers.RegisterAsync(Grains);
        if (failingStep == nameof(IDashboardAccountGrain.CreateAsync)) fixture.Failures.FailNextCall<IDashboardAccountGrain>(failingStep);
        else fixture.Failures.FailNextCall<IUserGrain>(failingStep);

        var failed = await Coordinator.JoinAsync(userId, code);

        Assert.Equal(MembershipError.JoinNotFinished, failed.Error);
        Assert.Contains("nothing changed", failed.Message, StringComparison.Ordinal);
        await AssertLeftNothingAsync(userId, orgId, code);
        var retried = await Coordinator.JoinAsync(userId, code);
        Assert.True(retried.Succeeded, retried.Message);
        Assert.Equal(orgId, (await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!.OrgId);
        Assert.Equal(1, (await Invitation(code).GetInfoAsync())!.Uses);
    }

    [Fact]
    public async Task HalfJoinedRecord_IsUndoneByTheRepair_AndThePersonCanJoinAgain()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var code = (await Coordinator.CreateInvitationAsync(ownerId, maxUses: 1, validDays: 1)).Invitation!.Code;
        var userId = await TestUsers.RegisterAsync(Grains);
        // What an interrupted join of an earlier version left: reserved user, used code, roster entry, no membership.
        var user = Grains.GetGrain<IUserGrain>(userId);
        Assert.Equal(MembershipStep.Done, await user.BeginMembershipAsync(orgId, UserRole.OrgMember));
        Assert.Equal(MembershipError.None, await Invitation(code).RedeemAsync(userId));
        await Grains.GetGrain<IOrganizationGrain>(orgId).RecordMemberAsync(userId, UserRole.OrgMember);

        Assert.True(await Coordinator.RepairUnfinishedJoinAsync(userId));

        await AssertLeftNothingAsync(userId, orgId, code);
        Assert.False(await Coordinator.RepairUnfinishedJoinAsync(userId));
        Assert.True((await Coordinator.JoinAsync(userId, code)).Succeeded);
    }

    [Fact]
    public async Task Repair_LeavesMembersOwnersAndUnfinishedCreationsAlone()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var memberId = await Grains.NewMemberAsync(ownerId);
        var founder = await TestUsers.RegisterAsync(Grains);
        fixture.Failures.FailNextCall<IDashboardAccountGrain>(nameof(IDashboardAccountGrain.CreateAsync));
        await Assert.ThrowsAsync<InjectedFailureException>(() => Coordinator.CreateOrganizationAsync(founder, "Unfinished"));

        Assert.False(await Coordinator.RepairUnfinishedJoinAsync(ownerId));
        Assert.False(await Coordinator.RepairUnfinishedJoinAsync(memberId));
        Assert.False(await Coordinator.RepairUnfinishedJoinAsync(founder));
        Assert.Equal(2, (await Grains.GetGrain<IOrganizationGrain>(orgId).GetMembersAsync()).Count);
        Assert.True((await Coordinator.CreateOrganizationAsync(founder, "Unfinished")).Succeeded);
    }

    private async Task AssertLeftNothingAsync(long userId, string orgId, string code)
    {
        var user = (await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!;
        Assert.Equal((null, UserRole.User, null, null), (user.OrgId, user.Role, user.UnfinishedOrgId, user.DashboardUsername));
        Assert.DoesNotContain(await Grains.GetGrain<IOrganizationGrain>(orgId).GetMembersAsync(), m => m.UserId == userId);
        var invitation = (await Invitation(code).GetInfoAsync())!;
        Assert.Equal((0, InvitationStatus.Active), (invitation.Uses, invitation.Status));
    }

    private IDashboardAccountGrain Account(string username) => Grains.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(username));

    private IInvitationGrain Invitation(string code) => Grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code));
}
