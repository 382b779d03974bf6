using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>Model-written SQL is hostile: each of these is refused (or stopped) and the database is unchanged.</summary>
public sealed partial class DatabaseConnectionGrainTests
{
    public static TheoryData<string, string> HostilePostgreSql => new()
    {
        { "drop", "DROP TABLE orders" },
        { "delete", "DELETE FROM orders" },
        { "update", "UPDATE customers SET name = 'x'" },
        { "insert", "INSERT INTO customers VALUES (99, 'Mallory', 'Nowhere')" },
        { "truncate", "TRUNCATE orders CASCADE" },
        { "alter", "ALTER TABLE customers ADD COLUMN pwned int" },
        { "two statements", "SELECT 1; DROP TABLE orders" },
        { "select into", "SELECT * INTO stolen FROM customers" },
        { "data-modifying CTE", "WITH d AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM d" },
        { "copy to program", "COPY customers TO PROGRAM 'cat > /tmp/pwned'" },
        { "comment hides statement", "SELECT 1 /* harmless */; DELETE FROM orders" },
        { "line comment hides statement", "SELECT 1 -- nothing here\n; DROP TABLE customers" },
        { "string hides statement", "SELECT 'a'';'; DELETE FROM orders; --'" },
        { "dollar quote trick", "SELECT $$;$$; DELETE FROM orders" },
        { "sleep", "SELECT pg_sleep(60)" },
        { "lock rows", "SELECT * FROM orders FOR UPDATE" },
        { "read server file", "SELECT pg_read_file('/etc/passwd')" },
        { "set config", "SELECT set_config('default_transaction_read_only', 'off', false)" },
        { "begin read write", "BEGIN READ WRITE; DELETE FROM orders; COMMIT" },
        { "create table", "CREATE TABLE pwned (id int)" },
    };

    public static TheoryData<string, string> HostileSqlite => new()
    {
        { "drop", "DROP TABLE orders" },
        { "delete", "DELETE FROM orders" },
        { "update", "UPDATE customers SET name = 'x'" },
        { "insert", "INSERT INTO customers VALUES (99, 'Mallory', 'Nowhere')" },
        { "alter", "ALTER TABLE customers ADD COLUMN pwned int" },
        { "two statements", "SELECT 1; DROP TABLE orders" },
        { "attach", "ATTACH DATABASE '/tmp/pwned.db' AS pwned" },
        { "writable schema", "PRAGMA writable_schema=1" },
        { "query_only off", "PRAGMA query_only=0" },
        { "comment hides statement", "SELECT 1 /* ; */; DELETE FROM orders" },
        { "string hides statement", "SELECT 'x;'; DELETE FROM orders" },
        { "data-modifying CTE", "WITH d AS (SELECT 1) DELETE FROM orders" },
        { "endless recursion", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n" },
        { "load extension", "SELECT load_extension('/tmp/evil.so')" },
        { "vacuum into", "VACUUM INTO '/tmp/copy.db'" },
        { "create table", "CREATE TABLE pwned (id int)" },
    };

    [Theory]
    [MemberData(nameof(HostilePostgreSql))]
    public async Task HostileSql_OnPostgreSql_IsRefusedOrStopped_AndChangesNothing(string name, string sql)
    {
        var (userId, databaseId, connectionString) = await PostgreSqlForNewUserAsync();
        var before = await ShopDatabases.CountPostgreSqlAsync(connectionString);

        var result = await Grains.GetGrain<IDatabaseConnectionGrain>(databaseId).QueryAsync(userId, sql);

        Assert.False(result.Succeeded, $"{name} ran: {result.Message}");
        Assert.Contains(result.Outcome, new[] { QueryOutcome.Refused, QueryOutcome.TimedOut });
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.Equal(before, await ShopDatabases.CountPostgreSqlAsync(connectionString));
    }

    [Theory]
    [MemberData(nameof(HostileSqlite))]
    public async Task HostileSql_OnSqlite_IsRefusedOrStopped_AndChangesNothing(string name, string sql)
    {
        var (userId, databaseId, path) = await SqliteForNewUserAsync();
        var before = await ShopDatabases.CountSqliteAsync(path);

        var result = await Grains.GetGrain<IDatabaseConnectionGrain>(databaseId).QueryAsync(userId, sql);

        Assert.False(result.Succeeded, $"{name} ran: {result.Message}");
        Assert.Contains(result.Outcome, new[] { QueryOutcome.Refused, QueryOutcome.TimedOut });
        Assert.Equal(before, await ShopDatabases.CountSqliteAsync(path));
        Assert.False(File.Exists("/tmp/pwned.db") || File.Exists("/tmp/copy.db"));
    }
}
