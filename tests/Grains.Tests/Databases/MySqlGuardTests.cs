using OrleansAssistant.TestSupport;
using System.Text.RegularExpressions;
using OrleansAssistant.CustomerDatabases.Dialects.MySql;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.CustomerDatabases.Guard;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// Model-written SQL for MySQL and MariaDB is hostile: each case is refused by the guard with a reason, and then run on
/// the real MariaDB server with the guard bypassed, in the read-only session the driver opens, to show the data is still
/// unchanged. The reads a model really writes pass the guard and run.
/// </summary>
public sealed class MySqlGuardTests
{
    private static readonly QueryLimits Limits = QueryLimits.Default with { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Hostile statements whose harm would stay inside the customer's database: safe to run on the shared test server.</summary>
    public static TheoryData<string, string, string> HostileToData => new()
    {
        { "drop", "DROP TABLE orders", "DROP would change the database structure" },
        { "delete", "DELETE FROM orders", "would change the database" },
        { "update", "UPDATE customers SET name = 'x'", "would change the database" },
        { "insert", "INSERT INTO customers VALUES (99, 'Mallory', 'Nowhere')", "would change the database" },
        { "replace", "REPLACE INTO customers VALUES (1, 'Mallory', 'Nowhere')", "would change the database" },
        { "truncate", "TRUNCATE TABLE orders", "TRUNCATE would remove every row" },
        { "alter", "ALTER TABLE customers ADD COLUMN pwned INT", "ALTER would change the database structure" },
        { "create", "CREATE TABLE pwned (id INT)", "CREATE would change the database structure" },
        { "rename", "RENAME TABLE orders TO gone", "RENAME would change the database structure" },
        { "two statements", "SELECT 1; DROP TABLE orders", "Only one statement" },
        { "line comment hides statement", "SELECT 1 -- nothing here\n; DELETE FROM orders", "Only one statement" },
        { "hash comment hides statement", "SELECT 1 # nothing here\n; DELETE FROM orders", "Only one statement" },
        { "dash dash without space is minus minus", "SELECT 1 --1; DELETE FROM orders", "Only one statement" },
        { "string hides statement", "SELECT 'a'';'; DELETE FROM orders; -- '", "Only one statement" },
        { "backslash-escaped quote", "SELECT '\\''; DELETE FROM orders; -- '", "backslash inside quoted text" },
        { "backslash in double quotes", "SELECT \"a\\\"; DELETE FROM orders; -- \"", "backslash inside quoted text" },
        { "executable comment", "SELECT 1 /*! ; DROP TABLE orders */", "Comments that the server reads" },
        { "MariaDB executable comment", "/*M! DROP TABLE orders */", "Comments that the server reads" },
        { "versioned executable comment", "SELECT 1 /*!50000 ; DELETE FROM orders */", "Comments that the server reads" },
        { "hint lifting the time limit", "SELECT /*+ MAX_EXECUTION_TIME(100000000) */ COUNT(*) FROM orders", "Comments that the server reads" },
        { "hint setting a variable", "SELECT /*+ SET_VAR(sql_mode = 'NO_BACKSLASH_ESCAPES') */ COUNT(*) FROM orders", "Comments that the server reads" },
        { "set statement for", "SET STATEMENT max_statement_time = 0 FOR SELECT SLEEP(60)", "SET changes settings" },
        { "load data infile", "LOAD DATA INFILE '/etc/passwd' INTO TABLE customers", "LOAD loads files" },
        { "load data local infile", "LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE customers", "LOAD loads files" },
        { "load xml", "LOAD XML INFILE '/etc/passwd' INTO TABLE customers", "LOAD loads files" },
        { "load_file", "SELECT LOAD_FILE('/etc/passwd')", "The function LOAD_FILE is not allowed" },
        { "get_lock", "SELECT GET_LOCK('orders', 10)", "The function GET_LOCK is not allowed" },
        { "release_lock", "SELECT RELEASE_LOCK('orders')", "The function RELEASE_LOCK is not allowed" },
        { "is_free_lock", "SELECT IS_FREE_LOCK('orders')", "The function IS_FREE_LOCK is not allowed" },
        { "handler open", "HANDLER orders OPEN", "HANDLER reads tables" },
        { "handler read", "HANDLER orders READ FIRST", "HANDLER reads tables" },
        { "set session variable then delete", "SET @@SESSION.transaction_read_only = 0; DELETE FROM orders", "Only one statement" },
        { "set session variable", "SET @@SESSION.transaction_read_only = 0", "SET changes settings" },
        { "set session", "SET SESSION TRANSACTION READ WRITE", "SET changes settings" },
        { "read system variable", "SELECT @@version", "Variables" },
        { "user variable assignment", "SELECT @n := COUNT(*) FROM orders", "Variables" },
        { "pascal assignment without @", "SELECT 1 FROM orders WHERE (id := 2)", "Variables" },
        { "for update", "SELECT * FROM orders FOR UPDATE", "Locking clauses" },
        { "for share", "SELECT * FROM orders FOR SHARE", "Locking clauses" },
        { "lock in share mode", "SELECT * FROM orders LOCK IN SHARE MODE", "Locking clauses" },
        { "lock tables then delete", "LOCK TABLES orders WRITE; DELETE FROM orders", "Only one statement" },
        { "lock tables", "LOCK TABLES orders WRITE", "LOCK locks tables" },
        { "unlock tables", "UNLOCK TABLES", "UNLOCK unlocks tables" },
        { "call", "CALL wipe_orders()", "CALL runs procedures" },
        { "do", "DO (SELECT COUNT(*) FROM orders)", "DO runs procedural code" },
        { "prepare and execute", "PREPARE s FROM 'DELETE FROM orders'; EXECUTE s", "Only one statement" },
        { "prepare", "PREPARE s FROM 'DELETE FROM orders'", "PREPARE creates prepared statements" },
        { "execute", "EXECUTE s", "EXECUTE runs procedures or prepared statements" },
        { "deallocate", "DEALLOCATE PREPARE s", "DEALLOCATE removes prepared statements" },
        { "select into variable", "SELECT COUNT(*) INTO @n FROM orders", "SELECT … INTO would write" },
        { "start transaction read write", "START TRANSACTION READ WRITE", "START controls transactions" },
        { "commit then delete", "COMMIT; DELETE FROM orders", "Only one statement" },
        { "commit", "COMMIT", "COMMIT controls transactions" },
        { "benchmark", "SELECT BENCHMARK(10000000000, SHA2('x', 512))", "The function BENCHMARK is not allowed" },
        { "delete inside cte", "WITH d AS (SELECT 1) DELETE FROM orders", "would change the database" },
        { "procedure analyse", "SELECT * FROM orders PROCEDURE ANALYSE()", "PROCEDURE runs a procedure" },
        { "next value", "SELECT NEXT VALUE FOR order_numbers", "NEXT VALUE FOR changes a sequence" },
        { "nextval", "SELECT NEXTVAL(order_numbers)", "The function NEXTVAL is not allowed" },
        { "explain", "EXPLAIN DELETE FROM orders", "EXPLAIN can run the statement" },
        { "unterminated string", "SELECT 'abc", "never closed" },
        { "unterminated comment", "SELECT 1 /* DROP TABLE orders", "never closed" },
    };

    /// <summary>Hostile statements that would reach the whole test server (files, settings, plugins, other sessions): judged only.</summary>
    public static TheoryData<string, string, string> HostileToServer => new()
    {
        { "into outfile", "SELECT * FROM customers INTO OUTFILE '/tmp/customers.txt'", "SELECT … INTO would write" },
        { "into dumpfile", "SELECT name FROM customers LIMIT 1 INTO DUMPFILE '/tmp/x.so'", "SELECT … INTO would write" },
        { "outfile after from", "SELECT * INTO OUTFILE '/tmp/c.txt' FROM customers", "SELECT … INTO would write" },
        { "set global", "SET GLOBAL max_connections = 1", "SET changes settings" },
        { "set global by variable", "SET @@GLOBAL.read_only = 1", "SET changes settings" },
        { "flush", "FLUSH PRIVILEGES", "FLUSH is database maintenance" },
        { "kill", "KILL 1", "KILL ends other sessions" },
        { "shutdown", "SHUTDOWN", "SHUTDOWN stops the server" },
        { "grant", "GRANT ALL ON *.* TO 'mallory'@'%'", "GRANT would change permissions" },
        { "install plugin", "INSTALL PLUGIN sys_exec SONAME 'lib_mysqludf_sys.so'", "INSTALL loads plugins" },
        { "install soname", "INSTALL SONAME 'ha_connect'", "INSTALL loads plugins" },
        { "create function udf", "CREATE FUNCTION sys_exec RETURNS INTEGER SONAME 'lib_mysqludf_sys.so'", "CREATE would change" },
        { "sys_exec udf", "SELECT sys_exec('rm -rf /')", "The function sys_exec is not allowed" },
        { "sys_eval udf", "SELECT sys_eval('id')", "The function sys_eval is not allowed" },
        { "master_pos_wait", "SELECT MASTER_POS_WAIT('log', 4)", "The function MASTER_POS_WAIT is not allowed" },
        { "purge logs", "PURGE BINARY LOGS BEFORE NOW()", "PURGE is database maintenance" },
        { "optimize", "OPTIMIZE TABLE orders", "OPTIMIZE is database maintenance" },
        { "use another database", "USE mysql", "USE switches databases" },
        { "xa", "XA START 'x'", "XA controls transactions" },
    };

    /// <summary>Reads a model writes for MySQL and MariaDB: each passes the guard and runs on the server.</summary>
    public static TheoryData<string> AllowedReads => new()
    {
        "SELECT c.name, COUNT(o.id) AS orders, SUM(o.total) AS spent FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY spent DESC",
        "SELECT `c`.`name`, `o`.`total` FROM `customers` AS `c` JOIN `orders` `o` ON `o`.`customer_id` = `c`.`id`",
        "SELECT `odd``name`.id FROM customers AS `odd``name`",
        "SELECT name FROM customers WHERE city = 'New York' OR name = 'O''Brien'",
        "SELECT * FROM orders ORDER BY total DESC LIMIT 2",
        "SELECT * FROM orders ORDER BY id LIMIT 2 OFFSET 1",
        "SELECT id, total, RANK() OVER (ORDER BY total DESC) AS place, SUM(total) OVER (PARTITION BY customer_id) AS per_customer FROM orders",
        "WITH big AS (SELECT * FROM orders WHERE total > 50) SELECT customer_id, COUNT(*) FROM big GROUP BY customer_id",
        "WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT SUM(i) FROM n",
        "SELECT COUNT(*) FROM orders -- how many orders",
        "SELECT COUNT(*) FROM orders # how many orders",
        "SELECT 1 --1",
        "SELECT 1 /* a plain comment */ + 1",
        "SELECT DATE_FORMAT(ordered_at, '%Y-%m') AS month, SUM(total) FROM orders WHERE ordered_at >= DATE_SUB('2026-03-31', INTERVAL 3 MONTH) GROUP BY month",
        "SELECT YEAR(ordered_at), MONTH(ordered_at), DATEDIFF(NOW(), ordered_at), CURDATE() FROM orders",
        "SELECT name FROM customers WHERE name LIKE 'A%'",
        "SELECT REPLACE(name, 'a', 'e'), CONCAT(name, ' (', city, ')'), IFNULL(city, '-') FROM customers",
        "SELECT CAST(total AS CHAR CHARACTER SET utf8mb4), CONVERT(name USING utf8mb4) FROM orders JOIN customers ON customers.id = orders.customer_id",
        "SELECT x'41', 0x42, b'1000011', _utf8mb4'D', N'E'",
        "SELECT CASE WHEN total > 100 THEN 'big' ELSE 'small' END AS size FROM orders",
        "(SELECT id FROM customers) UNION (SELECT id FROM orders)",
        "SELECT * FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE total > 100)",
        "SELECT SLEEP(0)",
        "SELECT 'Nação' AS name, \"double-quoted text\" AS note",
    };

    [Theory]
    [MemberData(nameof(HostileToData))]
    [MemberData(nameof(HostileToServer))]
    public void HostileSql_IsRefusedWithReason(string name, string sql, string reason)
    {
        var verdict = MySqlGuardRules.Check(sql, allowWrites: false);

        Assert.False(verdict.Allowed, $"{name} was allowed");
        Assert.Contains(reason, verdict.Refusal, StringComparison.Ordinal);
        AssertOneSentence(verdict.Refusal!);
        Assert.False(MySqlGuardRules.Check(sql.ToLowerInvariant(), allowWrites: false).Allowed, $"{name} in lower case was allowed");
    }

    [Theory]
    [MemberData(nameof(HostileToData))]
    public async Task HostileSql_RunWithoutTheGuard_InTheReadOnlySession_LeavesTheDataUnchanged(string name, string sql, string reason)
    {
        _ = reason;
        var connectionString = await MySqlGuardShop.CreateAsync();
        var before = await MySqlGuardShop.FingerprintAsync(connectionString);

        var result = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString, sql, isWrite: false, Limits, CancellationToken.None);

        Assert.NotEqual(QueryOutcome.Unavailable, result.Outcome);
        Assert.True(before == await MySqlGuardShop.FingerprintAsync(connectionString), $"{name} changed the data: {result.Outcome} {result.Message}");
    }

    [Theory]
    [MemberData(nameof(AllowedReads))]
    public async Task OrdinaryRead_PassesTheGuard_AndRunsOnMariaDb(string sql)
    {
        var verdict = MySqlGuardRules.Check(sql, allowWrites: false);
        Assert.True(verdict.Allowed, verdict.Refusal);
        Assert.Equal(StatementKind.Query, verdict.Kind);
        var connectionString = await MySqlGuardShop.CreateAsync();

        var result = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString, sql, isWrite: false, Limits, CancellationToken.None);

        Assert.True(result.Outcome == QueryOutcome.Succeeded, result.Message);
        Assert.NotEmpty(result.Rows);
    }

    [Fact]
    public async Task DashDashWithoutSpace_IsMinusMinus_AsTheGuardReadsIt()
    {
        var connectionString = await MySqlGuardShop.CreateAsync();

        var result = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString, "SELECT 1 --1", isWrite: false, Limits, CancellationToken.None);

        Assert.Equal("2", Assert.Single(result.Rows)[0]);
    }

    [Fact]
    public async Task Sleep_PassesTheGuard_ButIsStoppedByTheTimeLimit_AndSaysSo()
    {
        const string sql = "SELECT SLEEP(60)";
        Assert.True(MySqlGuardRules.Check(sql, allowWrites: false).Allowed);
        var connectionString = await MySqlGuardShop.CreateAsync();
        var oneSecond = QueryLimits.Default with { Timeout = TimeSpan.FromSeconds(1) };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString, sql, isWrite: false, oneSecond, CancellationToken.None);

        Assert.True(result.Outcome == QueryOutcome.TimedOut, $"{result.Outcome}: {result.Message} {string.Join(",", result.Rows.SelectMany(row => row))}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    // MariaDB stops BENCHMARK at the time limit but answers 0 as if it had finished: a wrong answer, so the guard refuses it.
    [Fact]
    public async Task Benchmark_StoppedByTheTimeLimit_AnswersAsIfItHadRun_SoTheGuardRefusesIt()
    {
        const string sql = "SELECT BENCHMARK(10000000000, SHA2('x', 512))";
        var connectionString = await MySqlGuardShop.CreateAsync();
        var oneSecond = QueryLimits.Default with { Timeout = TimeSpan.FromSeconds(1) };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var unguarded = await GuardedQueryRunner.RunAsync(MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback), connectionString, sql, isWrite: false, oneSecond, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(QueryOutcome.Succeeded, unguarded.Outcome);
        Assert.False(MySqlGuardRules.Check(sql, allowWrites: false).Allowed);
    }

    [Fact]
    public async Task Sleep_ThroughTheDriversSession_FailsWithAnErrorTheDriverCallsATimeout()
    {
        var connectionString = await MySqlGuardShop.CreateAsync();
        var (connection, transaction) = await MySqlDriver.Instance.WithTargets(TestDatabaseTargets.Loopback).BeginAsync(connectionString, readOnly: true,
            QueryLimits.Default with { Timeout = TimeSpan.FromSeconds(1) }, CancellationToken.None);
        await using (connection)
        await using (transaction)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT SLEEP(60)";

            var error = await Assert.ThrowsAnyAsync<Exception>(() => command.ExecuteScalarAsync());

            Assert.True(MySqlDriver.Instance.IsTimeout(error), error.ToString());
        }
    }

    [Theory]
    [InlineData("INSERT INTO customers (id, name) VALUES (4, 'Barbara')", StatementKind.Insert)]
    [InlineData("UPDATE `customers` SET city = 'Paris' WHERE id = 1", StatementKind.Update)]
    [InlineData("INSERT INTO orders (id, customer_id, ordered_at, total) SELECT 5, id, NOW(), 1 FROM customers WHERE id = 1", StatementKind.Insert)]
    [InlineData("INSERT IGNORE INTO customers (id, name) VALUES (1, 'Barbara')", StatementKind.Insert)]
    [InlineData("INSERT INTO customers (id, name) VALUES (1, 'Barbara') ON DUPLICATE KEY UPDATE name = VALUES(name)", StatementKind.Insert)]
    [InlineData("INSERT INTO customers (id, name) VALUES (1, 'Barbara') ON DUPLICATE KEY UPDATE name = 'Barbara'", StatementKind.Insert)]
    public void WriteMode_OneInsertOrUpdate_IsAllowed(string sql, StatementKind kind)
    {
        var verdict = MySqlGuardRules.Check(sql, allowWrites: true);

        Assert.True(verdict.Allowed, verdict.Refusal);
        Assert.Equal(kind, verdict.Kind);
    }

    [Theory]
    [InlineData("INSERT INTO mysql.user (User) VALUES ('mallory')", "System tables")]
    [InlineData("UPDATE `mysql`.`global_priv` SET Priv = '{}'", "System tables")]
    [InlineData("DELETE FROM orders", "DELETE is not allowed")]
    [InlineData("REPLACE INTO customers VALUES (1, 'x', 'y')", "REPLACE is not allowed")]
    [InlineData("UPDATE customers SET name = 'x'; DELETE FROM orders", "Only one statement")]
    [InlineData("INSERT INTO customers SELECT * FROM customers INTO OUTFILE '/tmp/x'", "SELECT … INTO")]
    [InlineData("UPDATE customers SET name = @x", "Variables")]
    [InlineData("INSERT IGNORE INTO mysql.user (User) VALUES ('mallory')", "System tables")]
    [InlineData("INSERT INTO customers (id, name) VALUES (1, 'x') ON DUPLICATE KEY DELETE", "DELETE is not allowed")]
    [InlineData("SELECT id FROM customers WHERE id IN (SELECT 1 FROM orders) INTO @x", "SELECT … INTO")]
    [InlineData("INSERT INTO customers (id, name) SELECT 1, 'x' FROM (UPDATE orders SET total = 0) AS u", "never inside WITH or a subquery")]
    public void WriteMode_HostileSql_IsRefused(string sql, string reason)
    {
        var verdict = MySqlGuardRules.Check(sql, allowWrites: true);

        Assert.False(verdict.Allowed);
        Assert.Contains(reason, verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeywordUsedAsAName_IsRefused_WithAdviceToUseBackticks()
    {
        var verdict = MySqlGuardRules.Check("SELECT do FROM tasks", allowWrites: false);

        Assert.False(verdict.Allowed);
        Assert.Contains("write it in backticks", verdict.Refusal, StringComparison.Ordinal);
        Assert.True(MySqlGuardRules.Check("SELECT `do` FROM tasks", allowWrites: false).Allowed);
    }

    private static void AssertOneSentence(string text)
    {
        Assert.EndsWith(".", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"[.!?]\s+\p{Lu}"), text);
        Assert.DoesNotContain('\n', text);
    }
}
