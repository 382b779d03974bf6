using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.Grains.Databases;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.Silo;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// A silo whose customer connections may reach 127.0.0.1 only (where the test databases are), whose DNS answers are
/// the test's to set, and whose clock the test moves.
/// </summary>
public sealed class ConnectionTargetSiloFixture : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();

    /// <summary>Host name → the address it resolves to now.</summary>
    public ConcurrentDictionary<string, IPAddress> Dns { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ShiftableClock Clock { get; } = new();
    public InProcessSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var resolver = new DatabaseHostResolver((host, _) =>
            Dns.TryGetValue(host, out var address) ? Task.FromResult<IPAddress[]>([address]) : throw new SocketException((int)SocketError.HostNotFound));
        Silo = await InProcessSilo.StartAsync(InProcessSilo.BaseSettings(_folder.Path), services =>
        {
            services.AddSingleton(resolver);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

public sealed class ConnectionTargetTests(ConnectionTargetSiloFixture fixture) : IClassFixture<ConnectionTargetSiloFixture>
{
    private IGrainFactory Grains => fixture.Silo.Grains;
    private IDatabasesGrain Databases => Grains.GetGrain<IDatabasesGrain>(0);

    private static string Uniform(string hostAndPort) =>
        $"Could not connect to PostgreSQL database 'shop' on {hostAndPort} with these settings. Check the address, port, database name, " +
        "user and password, and that the server accepts connections from this service.";

    private static string Url(string host, int port, string password = "pw") => $"postgresql://probe:{password}@{host}:{port}/shop";

    [Theory]
    [InlineData("127.0.0.2")]
    [InlineData("[::1]")]
    [InlineData("169.254.169.254")]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.10")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("[fd00::5]")]
    public async Task LocalPrivateAndLinkLocalTargets_AreRefused_WithTheUniformSentence_AndNothingIsStored(string host)
    {
        var userId = await TestUsers.RegisterAsync(Grains);

        var tested = await Databases.TestAsync(userId, Url(host, 5432));
        var added = await Databases.AddAsync(userId, "Inside", Url(host, 5432));

        Assert.Equal(DatabaseError.VerificationFailed, tested.Error);
        Assert.Equal(Uniform($"{host.Trim('[', ']')}:5432"), tested.Message);
        Assert.Equal(tested.Message, added.Message);
        Assert.Empty((await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!.PersonalDatabaseIds);
    }

    [Fact]
    public async Task ClosedPort_OtherServicesPort_WrongPassword_AndRefusedTarget_AllGetTheSameSentence()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var server = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString);
        using var otherService = new TcpListener(IPAddress.Loopback, 0);
        otherService.Start();
        var otherPort = ((IPEndPoint)otherService.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var acceptAndClose = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await otherService.AcceptTcpClientAsync(stop.Token);
            }
        });
        var closedPort = FreePort.Next();

        var closed = await Databases.TestAsync(userId, Url("127.0.0.1", closedPort));
        var other = await Databases.TestAsync(userId, Url("127.0.0.1", otherPort));
        var wrongPassword = await Databases.TestAsync(userId, Url("127.0.0.1", server.Port, "not-the-password"));
        var refused = await Databases.TestAsync(userId, Url("127.0.0.2", server.Port));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => acceptAndClose);

        Assert.Equal(Uniform($"127.0.0.1:{closedPort}"), closed.Message);
        Assert.Equal(Uniform($"127.0.0.1:{otherPort}"), other.Message);
        Assert.Equal(Uniform($"127.0.0.1:{server.Port}"), wrongPassword.Message);
        Assert.Equal(Uniform($"127.0.0.2:{server.Port}"), refused.Message);
    }

    [Fact]
    public async Task AllowedAddress_Connects()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var connectionString = await TestPostgres.CreateDatabaseAsync("targets");

        var result = await Databases.TestAsync(userId, connectionString);

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task HostName_ThatRebindsToLoopbackAfterAdding_IsRefusedAtConnectTime()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var name = $"warehouse-{Guid.NewGuid():N}.example.test";
        var database = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync("rebind")) { Host = name }.ToString();
        fixture.Dns[name] = IPAddress.Loopback;
        var added = await Databases.AddAsync(userId, "Warehouse", database);
        Assert.True(added.Succeeded, added.Message);
        var connection = Grains.GetGrain<IDatabaseConnectionGrain>(added.Database!.DatabaseId);
        Assert.Equal(QueryOutcome.Succeeded, (await connection.QueryAsync(userId, "SELECT 1")).Outcome);

        // 127.0.0.2 is loopback too, and not the one address this silo allows.
        fixture.Dns[name] = IPAddress.Parse("127.0.0.2");
        var afterRebinding = await connection.QueryAsync(userId, "SELECT 1");

        Assert.Equal(QueryOutcome.Unavailable, afterRebinding.Outcome);
    }

    [Fact]
    public async Task ConnectionTests_AreLimitedPerPerson_ThenAllowedAgainAfterAMinute()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var someoneElse = await TestUsers.RegisterAsync(Grains);
        for (var i = 0; i < ConnectionTestLimiter.TestsPerWindow; i++)
        {
            Assert.Equal(DatabaseError.VerificationFailed, (await Databases.TestAsync(userId, Url("10.0.0.5", 5432))).Error);
        }

        var limited = await Databases.TestAsync(userId, Url("10.0.0.5", 5432));
        var limitedAdd = await Databases.AddAsync(userId, "Scan", Url("10.0.0.6", 5432));
        var other = await Databases.TestAsync(someoneElse, Url("10.0.0.5", 5432));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await Databases.TestAsync(userId, Url("10.0.0.5", 5432));

        Assert.Equal(DatabaseError.TooManyTests, limited.Error);
        Assert.Matches(@"^Too many connection tests: at most 10 a minute\. Try again in \d+ s\.$", limited.Message);
        Assert.Equal(DatabaseError.TooManyTests, limitedAdd.Error);
        Assert.Equal(DatabaseError.VerificationFailed, other.Error);
        Assert.Equal(DatabaseError.VerificationFailed, later.Error);
        Assert.Empty((await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!.PersonalDatabaseIds);
    }

    [Fact]
    public async Task ByDefault_NoAllowedHosts_TheTestDatabasesAddressIsRefused()
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        settings.Remove("Databases:AllowedHosts:0");
        await using var app = AssistantSilo.Build([], settings);
        var targets = app.Services.GetRequiredService<ConnectionTargetPolicy>();

        await Assert.ThrowsAsync<ConnectionTargetRefusedException>(() => targets.AllowedAddressesAsync("127.0.0.1", CancellationToken.None));
        await Assert.ThrowsAsync<ConnectionTargetRefusedException>(() => targets.AllowedAddressesAsync("localhost", CancellationToken.None));
        await Assert.ThrowsAsync<ConnectionTargetRefusedException>(() => targets.AllowedAddressesAsync("10.1.2.3", CancellationToken.None));
    }

    [Fact]
    public async Task PrivateNetworks_AreAllowedThroughTheSetting_LoopbackStillIsNot()
    {
        var targets = new ConnectionTargetPolicy(allowPrivateNetworks: true, ["db.internal"], (_, _) => Task.FromResult<IPAddress[]>([IPAddress.Loopback]));

        Assert.Equal([IPAddress.Parse("10.1.2.3")], await targets.AllowedAddressesAsync("10.1.2.3", CancellationToken.None));
        Assert.Equal([IPAddress.Parse("fd00::5")], await targets.AllowedAddressesAsync("[fd00::5]", CancellationToken.None));
        Assert.Equal([IPAddress.Loopback], await targets.AllowedAddressesAsync("db.internal", CancellationToken.None));
        await Assert.ThrowsAsync<ConnectionTargetRefusedException>(() => targets.AllowedAddressesAsync("127.0.0.1", CancellationToken.None));
        await Assert.ThrowsAsync<ConnectionTargetRefusedException>(() => targets.AllowedAddressesAsync("169.254.169.254", CancellationToken.None));
        await Assert.ThrowsAsync<ConnectionTargetRefusedException>(() => targets.AllowedAddressesAsync("other.internal", CancellationToken.None));
    }
}
