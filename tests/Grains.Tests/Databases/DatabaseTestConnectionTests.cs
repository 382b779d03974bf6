using OrleansAssistant.CustomerDatabases;
using OrleansAssistant.Grains.Databases;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary><see cref="IDatabasesGrain.TestAsync"/>: the checks of adding a database, without adding it.</summary>
[Collection(SiloCollection.Name)]
public sealed class DatabaseTestConnectionTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;
    private IDatabasesGrain Databases => Grains.GetGrain<IDatabasesGrain>(0);
    private string SqliteFolder => Path.Combine(fixture.DataDirectory, "databases");

    [Fact]
    public async Task Test_SqliteFileFromTheAllowedFolder_ConnectsAndStoresNothing()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var before = await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync();
        var fileName = await ShopDatabases.SqliteShopAsync(SqliteFolder);

        var result = await Databases.TestAsync(userId, $"sqlite:///{fileName}");

        Assert.True(result.Succeeded, result.Message);
        Assert.StartsWith("Connected to ", result.Message, StringComparison.Ordinal);
        Assert.Contains(fileName, result.Message, StringComparison.Ordinal);
        Assert.Null(result.Database);
        Assert.Null(result.Warning);
        Assert.Equal(before, await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync());
    }

    [Fact]
    public async Task Test_ByAnOwner_WarnsAboutAWritableLoginAndAddsNothingToTheOrganization()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var connectionString = await ShopDatabases.PostgreSqlShopAsync();

        var result = await Databases.TestAsync(ownerId, connectionString);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("PostgreSQL", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopDatabases.ServerPassword, result.Message, StringComparison.Ordinal);
        Assert.Equal(WriteAccessProbe.Warning, result.Warning);
        Assert.Empty(await Grains.GetGrain<IOrganizationGrain>(orgId).GetDatabaseIdsAsync());
    }

    [Theory]
    [InlineData("not a connection string at all")]
    [InlineData("mysql://root:Sup3r-S3cret-Pw!@localhost/shop?unix_socket=/run/mysqld/mysqld.sock")]
    [InlineData("sqlite:///../../outside.db")]
    public async Task Test_UnreadableConnectionString_IsInvalidAndStoresNothing(string connectionString)
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var before = await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync();

        var result = await Databases.TestAsync(userId, connectionString);

        Assert.Equal(DatabaseError.InvalidConnectionString, result.Error);
        Assert.DoesNotContain(ShopDatabases.Password, result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Grains.GetGrain<IUserGrain>(userId).GetInfoAsync());
    }

    [Fact]
    public async Task Test_UnreachableServer_FailsVerificationWithoutThePassword()
    {
        var userId = await TestUsers.RegisterAsync(Grains);
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString)
        {
            Password = ShopDatabases.Password, Port = FreePort.Next(),
        }.ToString();

        var result = await Databases.TestAsync(userId, unreachable);

        Assert.Equal(DatabaseError.VerificationFailed, result.Error);
        Assert.DoesNotContain(ShopDatabases.Password, result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Logs.Lines, line => line.Contains(ShopDatabases.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Test_ByAMember_IsNotAllowed()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var memberId = await Grains.NewMemberAsync(ownerId);
        var fileName = await ShopDatabases.SqliteShopAsync(SqliteFolder);

        var result = await Databases.TestAsync(memberId, $"sqlite:///{fileName}");

        Assert.Equal(DatabaseError.NotAllowed, result.Error);
    }

    [Fact]
    public async Task Test_BySomeoneWhoNeverStarted_IsNotRegistered()
    {
        var result = await Databases.TestAsync(TestUsers.NewId(), "sqlite:///whatever.db");

        Assert.Equal(DatabaseError.NotRegistered, result.Error);
    }
}
