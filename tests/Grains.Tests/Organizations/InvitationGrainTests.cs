using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Organizations;

[Collection(SiloCollection.Name)]
public sealed class InvitationGrainTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;
    private IMembershipGrain Coordinator => Grains.Coordinator();

    [Fact]
    public async Task FiftyConcurrentRedeemers_OfAFiveUseCode_ExactlyFiveJoin()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var code = (await Coordinator.CreateInvitationAsync(ownerId, maxUses: 5, validDays: 7)).Invitation!.Code;
        var users = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => TestUsers.RegisterAsync(Grains)));

        var results = await Task.WhenAll(users.Select(user => Coordinator.JoinAsync(user, code)));

        Assert.Equal(5, results.Count(result => result.Succeeded));
        var refused = results.Where(result => !result.Succeeded).ToArray();
        Assert.Equal(45, refused.Length);
        Assert.All(refused, result => Assert.Equal(MembershipError.InvitationUsedUp, result.Error));
        Assert.All(refused, result => Assert.Contains("used up", result.Message, StringComparison.Ordinal));
        var members = await Grains.GetGrain<IOrganizationGrain>(orgId).GetMembersAsync();
        Assert.Equal(6, members.Count);
        var invitation = (await Grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).GetInfoAsync())!;
        Assert.Equal(5, invitation.Uses);
        Assert.Equal(InvitationStatus.UsedUp, invitation.Status);
        Assert.Equal(results.Where(r => r.Succeeded).Count(), invitation.UsageLog.Select(use => use.UserId).Distinct().Count());
    }

    [Fact]
    public async Task Create_GivesATwelveCharacterUrlSafeCode_WithTheAskedLimits()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();

        var created = await Coordinator.CreateInvitationAsync(ownerId, maxUses: 3, validDays: 2);

        Assert.True(created.Succeeded, created.Message);
        var invitation = created.Invitation!;
        Assert.Matches("^[A-Za-z0-9_-]{12}$", invitation.Code);
        Assert.Equal(orgId, invitation.OrgId);
        Assert.Equal(3, invitation.MaxUses);
        Assert.Equal(TimeSpan.FromDays(2), invitation.ExpiresAt - invitation.CreatedAt);
        Assert.Contains(invitation.Code, await Grains.GetGrain<IOrganizationGrain>(orgId).GetInvitationCodesAsync());
    }

    [Fact]
    public async Task Create_WithDefaults_AllowsFiveUsesForSevenDays()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();

        var invitation = (await Coordinator.CreateInvitationAsync(ownerId)).Invitation!;

        Assert.Equal(5, invitation.MaxUses);
        Assert.Equal(TimeSpan.FromDays(7), invitation.ExpiresAt - invitation.CreatedAt);
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(1001, 7)]
    [InlineData(5, 0)]
    [InlineData(5, 91)]
    [InlineData(-1, -1)]
    public async Task Create_OutsideTheLimits_IsRefusedAndCreatesNothing(int maxUses, int validDays)
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();

        var result = await Coordinator.CreateInvitationAsync(ownerId, maxUses, validDays);

        Assert.Equal(MembershipError.InvalidInvitationLimits, result.Error);
        Assert.Contains("1 to 1,000 uses", result.Message, StringComparison.Ordinal);
        Assert.Empty(await Grains.GetGrain<IOrganizationGrain>(orgId).GetInvitationCodesAsync());
    }

    [Fact]
    public async Task Create_ByAMemberOrAStandaloneUser_IsRefused()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var memberId = await Grains.NewMemberAsync(ownerId);
        var standaloneId = await TestUsers.RegisterAsync(Grains);

        var byMember = await Coordinator.CreateInvitationAsync(memberId);
        var byStandalone = await Coordinator.CreateInvitationAsync(standaloneId);

        Assert.Equal(MembershipError.NotAllowed, byMember.Error);
        Assert.Equal(MembershipError.NotAllowed, byStandalone.Error);
        Assert.False(string.IsNullOrWhiteSpace(byMember.Message));
    }

    [Fact]
    public async Task Join_WithUnknownCode_SaysItDoesNotExist()
    {
        var userId = await TestUsers.RegisterAsync(Grains);

        var wellFormed = await Coordinator.JoinAsync(userId, "AAAAAAAAAAAA");
        var garbage = await Coordinator.JoinAsync(userId, "'; DROP TABLE x; --");

        Assert.Equal(MembershipError.InvitationNotFound, wellFormed.Error);
        Assert.Equal(MembershipError.InvitationNotFound, garbage.Error);
        Assert.Contains("does not exist", wellFormed.Message, StringComparison.Ordinal);
        Assert.Null((await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!.OrgId);
    }

    [Fact]
    public async Task Join_WithRevokedCode_SaysItWasRevoked()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var code = (await Coordinator.CreateInvitationAsync(ownerId)).Invitation!.Code;
        var revoked = await Coordinator.RevokeInvitationAsync(ownerId, code);
        var userId = await TestUsers.RegisterAsync(Grains);

        var result = await Coordinator.JoinAsync(userId, code);

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.Equal(InvitationStatus.Revoked, revoked.Invitation!.Status);
        Assert.Equal(MembershipError.InvitationRevoked, result.Error);
        Assert.Contains("revoked", result.Message, StringComparison.Ordinal);
        Assert.Null((await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!.OrgId);
    }

    [Fact]
    public async Task Join_WithExpiredCode_SaysItExpired()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var code = (await Coordinator.CreateInvitationAsync(ownerId, maxUses: 5, validDays: 1)).Invitation!.Code;
        var userId = await TestUsers.RegisterAsync(Grains);

        fixture.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var result = await Coordinator.JoinAsync(userId, code);

        Assert.Equal(MembershipError.InvitationExpired, result.Error);
        Assert.Contains("expired", result.Message, StringComparison.Ordinal);
        Assert.Equal(InvitationStatus.Expired, (await Grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).GetInfoAsync())!.Status);
    }

    [Fact]
    public async Task Join_WithExhaustedCode_SaysItIsUsedUp()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var code = (await Coordinator.CreateInvitationAsync(ownerId, maxUses: 1, validDays: 1)).Invitation!.Code;
        var first = await TestUsers.RegisterAsync(Grains);
        var second = await TestUsers.RegisterAsync(Grains);

        Assert.True((await Coordinator.JoinAsync(first, code)).Succeeded);
        var result = await Coordinator.JoinAsync(second, code);

        Assert.Equal(MembershipError.InvitationUsedUp, result.Error);
        Assert.Contains("used up", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_ByOwnerOrMemberOfAnotherOrganization_IsRefusedWithoutUsingTheCode()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var code = (await Coordinator.CreateInvitationAsync(ownerId)).Invitation!.Code;
        var (otherOwnerId, _) = await Grains.NewOrganizationAsync("Other Org");
        var otherMemberId = await Grains.NewMemberAsync(otherOwnerId);

        var byOwner = await Coordinator.JoinAsync(otherOwnerId, code);
        var byMember = await Coordinator.JoinAsync(otherMemberId, code);

        Assert.Equal(MembershipError.AlreadyInAnOrganization, byOwner.Error);
        Assert.Equal(MembershipError.AlreadyInAnOrganization, byMember.Error);
        Assert.Equal(0, (await Grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).GetInfoAsync())!.Uses);
    }

    [Fact]
    public async Task Join_Twice_SecondTimeSaysAlreadyAMemberAndUsesNothing()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var code = (await Coordinator.CreateInvitationAsync(ownerId)).Invitation!.Code;
        var userId = await TestUsers.RegisterAsync(Grains);

        Assert.True((await Coordinator.JoinAsync(userId, code)).Succeeded);
        var again = await Coordinator.JoinAsync(userId, code);

        Assert.Equal(MembershipError.AlreadyInThisOrganization, again.Error);
        Assert.Equal(1, (await Grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).GetInfoAsync())!.Uses);
    }

    [Fact]
    public async Task Join_ByUnregisteredUser_AsksForStart()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var code = (await Coordinator.CreateInvitationAsync(ownerId)).Invitation!.Code;

        var result = await Coordinator.JoinAsync(TestUsers.NewId(), code);

        Assert.Equal(MembershipError.NotRegistered, result.Error);
        Assert.Contains("/start", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_AnotherOrganizationsCode_LooksUnknownAndChangesNothing()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var code = (await Coordinator.CreateInvitationAsync(ownerId)).Invitation!.Code;
        var (intruderId, _) = await Grains.NewOrganizationAsync("Intruders");

        var result = await Coordinator.RevokeInvitationAsync(intruderId, code);

        Assert.Equal(MembershipError.InvitationNotFound, result.Error);
        Assert.Equal(InvitationStatus.Active, (await Grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).GetInfoAsync())!.Status);
    }

    [Fact]
    public async Task Redeem_Success_IsInTheUsageLogAndTheActivityLog()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var code = (await Coordinator.CreateInvitationAsync(ownerId)).Invitation!.Code;
        var userId = await TestUsers.RegisterAsync(Grains);

        await Coordinator.JoinAsync(userId, code);

        var use = Assert.Single((await Grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).GetInfoAsync())!.UsageLog);
        Assert.Equal((code, userId), (use.Code, use.UserId));
        var rows = await ActivityRows.ForOrganizationAsync(fixture.DataDirectory, orgId);
        Assert.Contains(rows, row => row.EventType == "invitation.created" && row.UserId == ownerId && row.TargetId == code);
        Assert.Contains(rows, row => row.EventType == "organization.member_joined" && row.UserId == userId && row.TargetId == code);
    }
}
