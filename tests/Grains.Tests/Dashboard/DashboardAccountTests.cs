using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using OrleansAssistant.Grains.Dashboard;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Storage;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Dashboard;

[Collection(SiloCollection.Name)]
public sealed partial class DashboardAccountTests(SiloFixture fixture)
{
    private readonly long _userId = TestUsers.NewId();
    private readonly string _orgId = $"org_{Guid.NewGuid():N}";
    private readonly string _username = $"owner_t{Guid.NewGuid():N}_1";

    private IDashboardAccountGrain Account => fixture.Grains.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(_username));

    [Fact]
    public async Task Create_ThenVerifyWithReturnedPassword_GivesTheAccount()
    {
        var credentials = await Account.CreateAsync(_userId, _orgId, UserRole.OrgOwner);

        Assert.NotNull(credentials);
        Assert.Equal(_username, credentials.Username);
        Assert.Equal(PasswordGenerator.Length, credentials.Password.Length);
        var info = await Account.VerifyAsync(credentials.Password);
        Assert.NotNull(info);
        Assert.Equal((_username, _userId, _orgId, UserRole.OrgOwner, true, 1), (info.Username, info.UserId, info.OrgId, info.Role, info.Enabled, info.CredentialsVersion));
        Assert.Equal(info, await Account.GetInfoAsync());
    }

    [Fact]
    public async Task Verify_WrongPasswordOrUnknownAccount_GivesNull()
    {
        var credentials = await Account.CreateAsync(_userId, _orgId, UserRole.OrgOwner);
        var unknown = fixture.Grains.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount($"nobody_{Guid.NewGuid():N}"));

        Assert.Null(await Account.VerifyAsync(credentials!.Password + "x"));
        Assert.Null(await unknown.VerifyAsync(credentials.Password));
        Assert.Null(await unknown.GetInfoAsync());
        Assert.Null(await unknown.ResetCredentialsAsync());
    }

    [Fact]
    public async Task Create_ForAnotherUserWithSameUsername_GivesNullAndKeepsTheOwner()
    {
        var credentials = await Account.CreateAsync(_userId, _orgId, UserRole.OrgOwner);

        Assert.Null(await Account.CreateAsync(TestUsers.NewId(), _orgId, UserRole.OrgOwner));
        Assert.Null(await Account.CreateAsync(_userId, $"org_{Guid.NewGuid():N}", UserRole.OrgOwner));
        var info = await Account.VerifyAsync(credentials!.Password);
        Assert.Equal((_userId, 1), (info!.UserId, info.CredentialsVersion));
    }

    [Fact]
    public async Task ResetCredentials_OldPasswordFailsNewWorksAndVersionRises()
    {
        var first = await Account.CreateAsync(_userId, _orgId, UserRole.OrgOwner);

        var second = await Account.ResetCredentialsAsync();

        Assert.NotNull(second);
        Assert.NotEqual(first!.Password, second.Password);
        Assert.Null(await Account.VerifyAsync(first.Password));
        Assert.Equal(2, (await Account.VerifyAsync(second.Password))!.CredentialsVersion);
    }

    [Fact]
    public async Task Disable_EndsLoginAndResetAndRaisesVersionOnce()
    {
        var credentials = await Account.CreateAsync(_userId, _orgId, UserRole.OrgOwner);

        await Account.DisableAsync();
        await Account.DisableAsync();

        Assert.Null(await Account.VerifyAsync(credentials!.Password));
        Assert.Null(await Account.ResetCredentialsAsync());
        var info = await Account.GetInfoAsync();
        Assert.Equal((false, 2), (info!.Enabled, info.CredentialsVersion));
    }

    [Fact]
    public async Task Create_AgainForSameUserAfterDisable_EnablesWithNewPassword()
    {
        var first = await Account.CreateAsync(_userId, _orgId, UserRole.OrgOwner);
        await Account.DisableAsync();

        var again = await Account.CreateAsync(_userId, _orgId, UserRole.OrgOwner);

        Assert.NotNull(again);
        Assert.Null(await Account.VerifyAsync(first!.Password));
        var info = await Account.VerifyAsync(again.Password);
        Assert.Equal((true, 3), (info!.Enabled, info.CredentialsVersion));
    }

    [Fact]
    public async Task State_SurvivesDeactivation()
    {
        var credentials = await Account.CreateAsync(_userId, _orgId, UserRole.OrgMember);
        var before = await Account.GetInfoAsync();

        await DeactivateAsync(Account);

        Assert.Equal(before, await Account.GetInfoAsync());
        Assert.NotNull(await Account.VerifyAsync(credentials!.Password));
    }

    /// <summary>Deactivates the grain and waits until its activation is gone, so the next call loads from storage.</summary>
    private Task DeactivateAsync(IDashboardAccountGrain grain) => GrainDeactivation.DeactivateAndWaitAsync(fixture.Grains, grain);

    [Fact]
    public async Task StoredState_HoldsTheHashButNeverThePassword()
    {
        var credentials = await Account.CreateAsync(_userId, _orgId, UserRole.OrgOwner);

        var payload = await GrainStateFile.ReadPayloadAsync(fixture.DataDirectory, StorageNames.States.DashboardAccount, Account.GetGrainId());

        Assert.NotNull(payload);
        Assert.Contains(PasswordHasher.Prefix + PasswordHasher.CurrentIterations, payload, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials!.Password, payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_HashWithFewerIterations_UpgradesTheStoredHash()
    {
        var storage = fixture.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var legacy = new DashboardAccountState
        {
            UserId = _userId, OrgId = _orgId, Role = UserRole.OrgOwner, Enabled = true, CredentialsVersion = 1,
            PasswordHash = LegacyHash("old-but-right", LegacyIterations),
        };
        await storage.WriteStateAsync(StorageNames.States.DashboardAccount, Account.GetGrainId(), new GrainState<DashboardAccountState>(legacy));

        var info = await Account.VerifyAsync("old-but-right");

        Assert.Equal(1, info!.CredentialsVersion);
        var stored = new GrainState<DashboardAccountState>(new DashboardAccountState());
        await storage.ReadStateAsync(StorageNames.States.DashboardAccount, Account.GetGrainId(), stored);
        Assert.False(PasswordHasher.NeedsRehash(stored.State!.PasswordHash));
        Assert.True(PasswordHasher.Verify("old-but-right", stored.State.PasswordHash));
    }
}
