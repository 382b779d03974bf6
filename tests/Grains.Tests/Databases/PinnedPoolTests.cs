using Npgsql;
using OrleansAssistant.CustomerDatabases.Dialects.PostgreSql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// Connections go to the checked, pinned address, so their pool is the pinned string's: clearing a database's pool (after a
/// failed health probe, or when it is removed) must close those pooled connections, not only the ones of the string as stored.
/// </summary>
public sealed class PinnedPoolTests
{
    [Fact]
    public async Task ClearPool_ClosesThePooledConnectionsMadeWithThePinnedAddress()
    {
        var stored = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync("pool")) { Host = "localhost" };
        var driver = PostgreSqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback);
        await using (var connection = await driver.OpenAsync(stored.ConnectionString, readOnly: true, CancellationToken.None))
        {
            Assert.NotEqual(stored.ConnectionString, connection.ConnectionString); // pinned to 127.0.0.1
        }
        Assert.Equal(1, await ServerConnectionsToAsync(stored.Database!));

        driver.ClearPool(stored.ConnectionString);

        Assert.Equal(0, await ServerConnectionsAfterCloseAsync(stored.Database!));
    }

    // The server ends a closed connection's backend a moment after the client closes it.
    private static async Task<long> ServerConnectionsAfterCloseAsync(string database)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var count = await ServerConnectionsToAsync(database);
            if (count == 0) return 0;
            await Task.Delay(100);
        }
        return await ServerConnectionsToAsync(database);
    }

    private static async Task<long> ServerConnectionsToAsync(string database)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", database);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
