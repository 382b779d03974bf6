using OrleansAssistant.CustomerDatabases.Dialects.PostgreSql;
using OrleansAssistant.CustomerDatabases.Dialects.Sqlite;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// The second line of defence: a single statement that got past the guard still cannot write,
/// because the session itself is read-only (PostgreSQL READ ONLY transaction, locked by a first
/// query; SQLite Mode=ReadOnly) and rolled back. On PostgreSQL several statements in one text can
/// end our transaction with COMMIT; refusing them is the guard's job (see SqlGuardTests).
/// </summary>
public sealed class SessionLimitTests
{
    private static readonly QueryLimits Limits = QueryLimits.Default with { Timeout = TimeSpan.FromSeconds(5) };

    [Theory]
    [InlineData("INSERT INTO customers VALUES (99, 'Mallory', 'Nowhere')")]
    [InlineData("SET TRANSACTION READ WRITE")]
    [InlineData("SET TRANSACTION READ WRITE; DELETE FROM orders")]
    [InlineData("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; DELETE FROM orders")]
    [InlineData("WITH gone AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM gone")]
    [InlineData("SELECT set_config('transaction_read_only', 'off', true)")]
    [InlineData("DROP TABLE orders")]
    public async Task PostgreSqlSession_RefusesWrites_EvenWithoutTheGuard(string sql)
    {
        var connectionString = await ShopDatabases.PostgreSqlShopAsync();
        var before = await ShopDatabases.CountPostgreSqlAsync(connectionString);

        var result = await GuardedQueryRunner.RunAsync(PostgreSqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString, sql, isWrite: false, Limits, CancellationToken.None);

        Assert.Equal(QueryOutcome.Failed, result.Outcome);
        Assert.Equal(before, await ShopDatabases.CountPostgreSqlAsync(connectionString));
    }

    [Theory]
    [InlineData("INSERT INTO customers VALUES (99, 'Mallory', 'Nowhere')")]
    [InlineData("PRAGMA query_only = 0; DELETE FROM orders")]
    [InlineData("DROP TABLE orders")]
    [InlineData("COMMIT; DELETE FROM orders")]
    public async Task SqliteSession_OpenedReadOnly_RefusesWrites_EvenWithoutTheGuard(string sql)
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, await ShopDatabases.SqliteShopAsync(folder.Path));
        var before = await ShopDatabases.CountSqliteAsync(path);

        var result = await GuardedQueryRunner.RunAsync(SqliteDriver.Instance, $"Data Source={path}", sql, isWrite: false, Limits, CancellationToken.None);

        Assert.Equal(QueryOutcome.Failed, result.Outcome);
        Assert.Equal(before, await ShopDatabases.CountSqliteAsync(path));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
