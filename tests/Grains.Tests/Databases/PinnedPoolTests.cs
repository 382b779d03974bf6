using System.Data.Common;
using Npgsql;
using OrleansAssistant.CustomerDatabases.Dialects.PostgreSql;
using OrleansAssistant.CustomerDatabases.Execution;
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
        var stored = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync("pool")) { Host = "localhost" }.ConnectionString;
        var driver = PostgreSqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback);
        var (first, pinned) = await ServerProcessAsync(driver, stored);
        var (pooled, _) = await ServerProcessAsync(driver, stored);

        driver.ClearPool(stored);
        var (afterClear, _) = await ServerProcessAsync(driver, stored);

        Assert.NotEqual(stored, pinned); // pinned to 127.0.0.1
        Assert.Equal(first, pooled); // without clearing, the pool hands back the same server connection
        Assert.NotEqual(first, afterClear);
    }

    /// <returns>The server process serving the connection the driver opened, and the string it was opened with.</returns>
    private static async Task<(int Process, string ConnectionString)> ServerProcessAsync(CustomerDatabaseDriver driver, string stored)
    {
        await using DbConnection connection = await driver.OpenAsync(stored, readOnly: true, CancellationToken.None);
        var opened = connection.ConnectionString;
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_backend_pid()";
        return ((int)(await command.ExecuteScalarAsync())!, opened);
    }
}
