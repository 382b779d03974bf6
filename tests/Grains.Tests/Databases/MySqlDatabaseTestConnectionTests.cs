using MySqlConnector;
using OrleansAssistant.CustomerDatabases;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary><see cref="IDatabasesGrain.TestAsync"/> with a MySQL URL for the real MariaDB server: it connects and warns about a login that can write.</summary>
[Collection(SiloCollection.Name)]
public sealed class MySqlDatabaseTestConnectionTests(SiloFixture fixture)
{
    [Fact]
    public async Task Test_MySqlUrl_WithTheRootLogin_ConnectsAndWarnsThatItCanWrite()
    {
        var (ownerId, _) = await fixture.Grains.NewOrganizationAsync();
        var server = new MySqlConnectionStringBuilder(await MySqlShop.SmallShopAsync());

        var result = await fixture.Grains.GetGrain<IDatabasesGrain>(0).TestAsync(ownerId,
            $"mysql://{server.UserID}:{Uri.EscapeDataString(server.Password)}@{server.Server}:{server.Port}/{server.Database}");

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains($"MySQL database '{server.Database}'", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Password, result.Message, StringComparison.Ordinal);
        Assert.Equal(WriteAccessProbe.Warning, result.Warning);
    }
}
