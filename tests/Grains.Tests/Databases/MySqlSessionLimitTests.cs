using OrleansAssistant.TestSupport;
using OrleansAssistant.CustomerDatabases.Dialects.MySql;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// The second line of defence on MySQL / MariaDB: a statement that got past the guard still cannot write, because the
/// session and its transaction are read-only (so DDL, which commits implicitly, meets a read-only session too), a
/// statement time limit stops long queries, and the transaction is rolled back. Runs against the real MariaDB server.
/// MySqlConnector always lets one command carry several statements (there is no option to turn that off), so the driver
/// runs the statement as a server-side prepared statement, which the server parses as exactly one: a second statement is
/// a syntax error there, even in a confirmed write, and the guard (see MySqlGuardTests) refuses it before that.
/// </summary>
public sealed class MySqlSessionLimitTests
{
    private static readonly QueryLimits Limits = QueryLimits.Default with { Timeout = TimeSpan.FromSeconds(5) };

    [Theory]
    [InlineData("INSERT INTO customers VALUES (99, 'Mallory', 'Nowhere')")]
    [InlineData("UPDATE orders SET total = 0")]
    [InlineData("DELETE FROM orders")]
    [InlineData("REPLACE INTO customers VALUES (1, 'Mallory', 'Nowhere')")]
    [InlineData("DROP TABLE orders")]
    [InlineData("CREATE TABLE stolen (id int)")]
    [InlineData("CREATE TABLE stolen AS SELECT * FROM customers")]
    [InlineData("TRUNCATE TABLE orders")]
    [InlineData("ALTER TABLE customers ADD COLUMN note text")]
    [InlineData("RENAME TABLE orders TO gone")]
    [InlineData("SET SESSION TRANSACTION READ WRITE; DELETE FROM orders")]
    [InlineData("COMMIT; DELETE FROM orders")]
    public async Task MySqlSession_RefusesWrites_EvenWithoutTheGuard(string sql)
    {
        var connectionString = await MySqlShop.SmallShopAsync();
        var before = await MySqlShop.CountAsync(connectionString);

        var result = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString, sql, isWrite: false, Limits, CancellationToken.None);

        Assert.Equal(QueryOutcome.Failed, result.Outcome);
        Assert.Equal(before, await MySqlShop.CountAsync(connectionString));
    }

    [Theory]
    [InlineData("UPDATE orders SET total = 0; DELETE FROM customers")]
    [InlineData("INSERT INTO customers VALUES (4, 'Barbara', 'Oslo'); DELETE FROM orders")]
    [InlineData("UPDATE orders SET total = 0 /*!; DELETE FROM customers */")]
    [InlineData("UPDATE orders SET total = 0 /*M!; DELETE FROM customers */")]
    [InlineData("UPDATE orders SET total = 0 # a comment\n; DELETE FROM customers")]
    public async Task MySqlDriver_EvenForAConfirmedWrite_RunsOneStatementOnly(string sql)
    {
        var connectionString = await MySqlShop.SmallShopAsync();
        var before = await MySqlShop.CountAsync(connectionString);

        var result = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString, sql, isWrite: true, Limits, CancellationToken.None);

        Assert.Equal(QueryOutcome.Failed, result.Outcome);
        Assert.Equal(before, await MySqlShop.CountAsync(connectionString));
        Assert.Equal(0, await MySqlShop.ScalarAsync(connectionString, "SELECT count(*) FROM orders WHERE total = 0"));
    }

    [Fact]
    public async Task MySqlDriver_TwoReadingStatements_AreRefusedByTheServer_WithItsOwnWords()
    {
        var connectionString = await MySqlShop.SmallShopAsync();

        var result = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString, "SELECT 1; SELECT 2", isWrite: false, Limits,
            CancellationToken.None);

        Assert.Equal(QueryOutcome.Failed, result.Outcome);
        Assert.Contains("SQL syntax", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MySqlDriver_TextWithQuotesBackslashesAndQuestionMarks_ReachesTheServerUnchanged()
    {
        var connectionString = await MySqlShop.SmallShopAsync();

        var result = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString,
            "SELECT 'it''s', 'a\\\\b', 'why?', \"double\", CONCAT(name, '@') AS tagged FROM customers WHERE name = 'Ada'", isWrite: false, Limits,
            CancellationToken.None);

        Assert.Equal(QueryOutcome.Succeeded, result.Outcome);
        Assert.Equal(["it's", "a\\b", "why?", "double", "Ada@"], result.Rows.Single());
    }

    [Fact]
    public async Task MySqlSession_ThroughTheDriver_RefusesAWriteInsideTheReadOnlyTransaction()
    {
        var connectionString = await MySqlShop.SmallShopAsync();
        var (connection, transaction) = await MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback).BeginAsync(connectionString, readOnly: true, Limits, CancellationToken.None);
        await using (connection)
        await using (transaction)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM orders";

            await Assert.ThrowsAsync<MySqlConnector.MySqlException>(() => command.ExecuteNonQueryAsync());
        }

        Assert.Equal(4, (await MySqlShop.CountAsync(connectionString)).Orders);
    }

    [Fact]
    public async Task MySqlSession_LongQuery_IsStoppedAtTheTimeLimit()
    {
        var connectionString = await MySqlShop.SmallShopAsync();
        var limits = QueryLimits.Default with { Timeout = TimeSpan.FromSeconds(1) };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString,
            "SELECT SLEEP(5) FROM customers", isWrite: false, limits, CancellationToken.None);

        Assert.Equal(QueryOutcome.TimedOut, result.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task MySqlDriver_CallsTheServersStatementTimeout_ATimeout()
    {
        var connectionString = await MySqlShop.SmallShopAsync();
        var limits = QueryLimits.Default with { Timeout = TimeSpan.FromSeconds(1) };
        var (connection, transaction) = await MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback).BeginAsync(connectionString, readOnly: true, limits, CancellationToken.None);
        await using (connection)
        await using (transaction)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT count(*) FROM information_schema.COLUMNS a, information_schema.COLUMNS b, information_schema.COLUMNS c";

            var error = await Assert.ThrowsAnyAsync<Exception>(() => command.ExecuteScalarAsync());

            Assert.True(MySqlDriver.Instance.IsTimeout(error), error.Message);
        }
    }

    [Fact]
    public async Task MySqlSession_ForAConfirmedWrite_CanInsert()
    {
        var connectionString = await MySqlShop.SmallShopAsync();

        var result = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString,
            "INSERT INTO customers VALUES (4, 'Barbara', 'Oslo')", isWrite: true, Limits, CancellationToken.None);

        Assert.Equal(QueryOutcome.Succeeded, result.Outcome);
        Assert.Equal(4, (await MySqlShop.CountAsync(connectionString)).Customers);
    }

    [Fact]
    public async Task MySqlSession_ConfirmedUpserts_SkipOrUpdateTheRowTheyMeet()
    {
        var connectionString = await MySqlShop.SmallShopAsync();

        var ignored = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString,
            "INSERT IGNORE INTO customers VALUES (1, 'Mallory', 'Nowhere')", isWrite: true, Limits, CancellationToken.None);
        var updated = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString,
            "INSERT INTO customers VALUES (1, 'Ada', 'Paris') ON DUPLICATE KEY UPDATE city = VALUES(city)", isWrite: true, Limits, CancellationToken.None);

        Assert.Equal((QueryOutcome.Succeeded, (int?)0), (ignored.Outcome, ignored.RowsAffected));
        Assert.Equal(QueryOutcome.Succeeded, updated.Outcome);
        Assert.Equal(3, (await MySqlShop.CountAsync(connectionString)).Customers);
        Assert.Equal(1, await MySqlShop.ScalarAsync(connectionString, "SELECT count(*) FROM customers WHERE name = 'Ada' AND city = 'Paris'"));
    }

    [Fact]
    public async Task MySqlSession_WriteMode_IsRolledBackUnlessCommitted()
    {
        var connectionString = await MySqlShop.SmallShopAsync();
        var (connection, transaction) = await MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback).BeginAsync(connectionString, readOnly: false, Limits, CancellationToken.None);
        await using (connection)
        await using (transaction)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO customers VALUES (4, 'Barbara', 'Oslo')";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(3, (await MySqlShop.CountAsync(connectionString)).Customers);
    }

    [Fact]
    public async Task GuardedQueryRunner_OnMariaDb_ReturnsRows_CappedAtTheLimit()
    {
        var connectionString = await MySqlShop.SmallShopAsync();

        var few = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString,
            "SELECT name, city FROM customers ORDER BY id", isWrite: false, Limits, CancellationToken.None);
        var many = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString,
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) SELECT i FROM n",
            isWrite: false, QueryLimits.Default, CancellationToken.None);

        Assert.Equal(QueryOutcome.Succeeded, few.Outcome);
        Assert.Equal(["name", "city"], few.Columns.Select(column => column.Name));
        Assert.Equal(["Ada", "London"], few.Rows[0]);
        Assert.Equal(3, few.Rows.Count);
        Assert.Equal(QueryOutcome.Succeeded, many.Outcome);
        Assert.Equal(1000, many.Rows.Count);
        Assert.True(many.Truncated);
    }
}
