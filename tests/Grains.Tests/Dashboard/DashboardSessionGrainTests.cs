using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using OrleansAssistant.Grains.Dashboard;
using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Storage;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Dashboard;

[Collection(SiloCollection.Name)]
public sealed class DashboardSessionGrainTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Resume_AfterADayIdle_IsNullAndStaysEnded()
    {
        var token = await Grains.SignInAsync((await Grains.NewOwnerAsync()).Credentials);

        fixture.Clock.Advance(DashboardLoginRules.SessionIdleTimeout);

        Assert.Null(await Grains.Session(token).ResumeAsync());
        Assert.Null(await StoredAsync(token));
    }

    [Fact]
    public async Task Resume_ActivityWithinTheIdleTimeout_KeepsTheSessionAlive()
    {
        var token = await Grains.SignInAsync((await Grains.NewOwnerAsync()).Credentials);
        var almostADay = DashboardLoginRules.SessionIdleTimeout - TimeSpan.FromHours(1);

        fixture.Clock.Advance(almostADay);
        var touched = await Grains.Session(token).ResumeAsync();
        fixture.Clock.Advance(almostADay);
        var stillThere = await Grains.Session(token).ResumeAsync();

        Assert.NotNull(touched);
        Assert.NotNull(stillThere);
        Assert.InRange(stillThere.ExpiresAt - fixture.Clock.GetUtcNow(), DashboardLoginRules.SessionIdleTimeout - TimeSpan.FromSeconds(30),
                       DashboardLoginRules.SessionIdleTimeout);
    }

    [Fact]
    public async Task Resume_AfterDeactivation_FindsTheStoredSession()
    {
        var token = await Grains.SignInAsync((await Grains.NewOwnerAsync()).Credentials);

        await DeactivateAsync(Grains.Session(token));

        Assert.NotNull(await Grains.Session(token).ResumeAsync());
    }

    [Fact]
    public async Task Resume_SoonAfterTheLastWrite_DoesNotWriteAgain()
    {
        var token = await Grains.SignInAsync((await Grains.NewOwnerAsync()).Credentials);
        var startedAt = (await StoredAsync(token))!.LastActiveAt;

        fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        await Grains.Session(token).ResumeAsync();
        var afterQuickRequest = (await StoredAsync(token))!.LastActiveAt;
        fixture.Clock.Advance(DashboardSessionGrain.TouchInterval);
        await Grains.Session(token).ResumeAsync();
        var afterLaterRequest = (await StoredAsync(token))!.LastActiveAt;

        Assert.Equal(startedAt, afterQuickRequest);
        Assert.True(afterLaterRequest > startedAt);
    }

    [Fact]
    public async Task End_EndsTheSessionAndIsIdempotent()
    {
        var token = await Grains.SignInAsync((await Grains.NewOwnerAsync()).Credentials);

        await Grains.Session(token).EndAsync();
        await Grains.Session(token).EndAsync();

        Assert.Null(await Grains.Session(token).ResumeAsync());
        Assert.Null(await StoredAsync(token));
    }

    [Fact]
    public async Task Resume_UnknownToken_IsNull()
    {
        Assert.Null(await Grains.Session($"no-such-token-{Guid.NewGuid():N}").ResumeAsync());
    }

    [Fact]
    public async Task Resume_MemberRemoved_IsNullAtOnce()
    {
        var owner = await Grains.NewOwnerAsync();
        var member = await Grains.NewMemberAsync(owner);
        var token = await Grains.SignInAsync(member.Credentials);
        Assert.NotNull(await Grains.Session(token).ResumeAsync());

        var removed = await Grains.Coordinator().RemoveMemberAsync(owner.UserId, member.UserId);

        Assert.True(removed.Succeeded, removed.Message);
        Assert.Null(await Grains.Session(token).ResumeAsync());
    }

    [Fact]
    public async Task Resume_CredentialsReset_EndsTheOldSessionOnly()
    {
        var owner = await Grains.NewOwnerAsync();
        var oldToken = await Grains.SignInAsync(owner.Credentials);

        var reset = await Grains.Coordinator().ResetDashboardPasswordAsync(owner.UserId);
        var newToken = await Grains.SignInAsync(reset.Credentials!);

        Assert.Null(await Grains.Session(oldToken).ResumeAsync());
        Assert.NotNull(await Grains.Session(newToken).ResumeAsync());
    }

    [Fact]
    public async Task Start_ForSomeoneNoLongerInTheOrganization_IsNullAndStoresNothing()
    {
        var owner = await Grains.NewOwnerAsync();
        var member = await Grains.NewMemberAsync(owner);
        var account = Grains.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(member.Credentials.Username));
        var info = await account.GetInfoAsync();
        await Grains.Coordinator().RemoveMemberAsync(owner.UserId, member.UserId);
        var token = $"token-{Guid.NewGuid():N}";

        Assert.Null(await Grains.Session(token).StartAsync(info!));
        Assert.Null(await Grains.Session(token).StartAsync(info! with { Enabled = false }));
        Assert.Null(await StoredAsync(token));
    }

    [Fact]
    public async Task Storage_HoldsTheTokensHashButNeverTheToken()
    {
        var token = await Grains.SignInAsync((await Grains.NewOwnerAsync()).Credentials);

        var payloads = await AllStoredAsync();

        Assert.Contains(payloads, row => row.GrainId.Contains(GrainKeys.DashboardSession(token), StringComparison.Ordinal));
        Assert.DoesNotContain(payloads, row => (row.GrainId + row.Payload).Contains(token, StringComparison.Ordinal));
    }

    private async Task<DashboardSessionState?> StoredAsync(string token)
    {
        var storage = fixture.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var stored = new GrainState<DashboardSessionState>(new DashboardSessionState());
        await storage.ReadStateAsync(StorageNames.States.DashboardSession, Grains.Session(token).GetGrainId(), stored);
        return stored.RecordExists ? stored.State : null;
    }

    /// <summary>Every row of the grain storage file, read as an attacker holding the file would.</summary>
    private async Task<IReadOnlyList<(string GrainId, string Payload)>> AllStoredAsync()
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(fixture.DataDirectory, "grains.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainId, Payload FROM GrainState;";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.IsDBNull(1) ? string.Empty : Encoding.UTF8.GetString((byte[])reader.GetValue(1))));
        return rows;
    }

    private Task DeactivateAsync(IDashboardSessionGrain grain) => GrainDeactivation.DeactivateAndWaitAsync(Grains, grain);
}
