using Microsoft.Data.Sqlite;
using OrleansAssistant.CustomerDatabases.Dialects.Sqlite;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;
using static OrleansAssistant.Grains.Tests.Databases.SchemaAssert;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>Schema introspection of a real SQLite file.</summary>
public sealed class SchemaIntrospectionSqliteTests : IDisposable
{
    private readonly SchemaSqliteFile _file = new();

    public void Dispose() => _file.Dispose();

    private async Task<SqliteConnection> OpenAsync(string script)
    {
        var connection = new SqliteConnection(_file.ConnectionString);
        await connection.OpenAsync();
        await SchemaShopScripts.ExecuteAsync(connection, script);
        return connection;
    }

    private static Task<DatabaseSchema> ReadAsync(SqliteConnection connection) =>
        SchemaIntrospector.ReadAsync(DatabaseProvider.Sqlite, connection, ReadAt, CancellationToken.None);

    [Fact]
    public async Task Sqlite_Read_ListsUserTablesAndViews_WithoutSqliteOwnTables()
    {
        await using var connection = await OpenAsync(SchemaShopScripts.Sqlite + "ANALYZE;");

        var schema = await ReadAsync(connection);

        // sqlite_sequence (AUTOINCREMENT) and sqlite_stat1 (ANALYZE) exist but are SQLite's own.
        Assert.Equal(
            ["customer_totals", "customers", "it's \"odd\"", "order notes", "order_lines", "orders", "products"],
            schema.Tables.Select(table => table.Name));
        Assert.All(schema.Tables, table => Assert.Null(table.Schema));
        Assert.Equal(["customer_totals"], schema.Tables.Where(table => table.IsView).Select(table => table.Name));
        Assert.Equal(["x"], Table(schema, null, "it's \"odd\"").Columns.Select(column => column.Name));
    }

    [Fact]
    public async Task Sqlite_Read_GivesDeclaredTypesNullabilityAndKeys()
    {
        await using var connection = await OpenAsync(SchemaShopScripts.Sqlite);

        var schema = await ReadAsync(connection);

        var customers = Table(schema, null, "customers");
        Assert.Equal(
            [
                new ColumnSchema("id", "INTEGER", false),
                new ColumnSchema("name", "VARCHAR(100)", false),
                new ColumnSchema("email", "TEXT", true),
                new ColumnSchema("created_at", "TEXT", false),
            ],
            customers.Columns);
        Assert.Equal(["id"], customers.PrimaryKey);
        Assert.Equal(new ColumnSchema("written by", "", true), Table(schema, null, "order notes").Columns[^1]);

        var orderLines = Table(schema, null, "order_lines");
        Assert.Equal(["order_id", "line_no"], orderLines.PrimaryKey);
        Assert.Equal(2, orderLines.ForeignKeys.Count);
        ForeignKey(Assert.Single(orderLines.ForeignKeys, key => key.ReferencedTable == "orders"), ["order_id"], null, "orders", ["id"]);
        // "REFERENCES products" names no column: the target is the parent's primary key.
        ForeignKey(Assert.Single(orderLines.ForeignKeys, key => key.ReferencedTable == "products"), ["product_id"], null, "products", ["id"]);
        ForeignKey(Assert.Single(Table(schema, null, "order notes").ForeignKeys),
            ["order_id", "line_no"], null, "order_lines", ["order_id", "line_no"]);
    }

    [Fact]
    public async Task Sqlite_RowEstimate_ComesFromAnalyzeStatistics()
    {
        await using var connection = await OpenAsync(SchemaShopScripts.Sqlite);

        var beforeAnalyze = await ReadAsync(connection);
        await SchemaShopScripts.ExecuteAsync(connection, "ANALYZE;");
        var afterAnalyze = await ReadAsync(connection);

        Assert.All(beforeAnalyze.Tables, table => Assert.Null(table.RowEstimate));
        Assert.Equal(SchemaShopScripts.OrderCount, Table(afterAnalyze, null, "orders").RowEstimate);
        Assert.Equal(SchemaShopScripts.CustomerCount, Table(afterAnalyze, null, "customers").RowEstimate);
        Assert.Null(Table(afterAnalyze, null, "customer_totals").RowEstimate);
    }

    [Fact]
    public async Task Sqlite_CompactText_QuotesOddNames_AndOmitsMissingTypes()
    {
        await using var connection = await OpenAsync(SchemaShopScripts.Sqlite);

        var lines = SchemaText.Compact(await ReadAsync(connection)).Split('\n');

        Assert.Contains("\"it's \"\"odd\"\"\"(x INTEGER)", lines);
        Assert.Contains("\"order notes\"(order_id INTEGER, line_no INTEGER, \"written by\", (order_id, line_no) → order_lines(order_id, line_no))", lines);
    }

    [Fact]
    public async Task Sqlite_Read_TakesCommentsEndingTheCreateLineAndColumnLines()
    {
        await using var connection = await OpenAsync(SchemaShopScripts.Sqlite);

        var schema = await ReadAsync(connection);

        var orders = Table(schema, null, "orders");
        Assert.Equal("Orders placed on the web shop", orders.Comment);
        Assert.Equal([null, "Who ordered", null, "Sum in euros, tax included"], orders.Columns.Select(column => column.Comment));
        Assert.All(schema.Tables.Where(table => table.Name != "orders"), table =>
        {
            Assert.Null(table.Comment);
            Assert.All(table.Columns, column => Assert.Null(column.Comment));
        });
    }

    [Fact]
    public async Task Sqlite_Read_Comments_IgnoreDashesInQuotes_BlockComments_AndConstraintLines()
    {
        await using var connection = await OpenAsync("""
            CREATE TABLE "notes -- kept" -- Notes the clerks write
            (
                "text -- of it" TEXT DEFAULT '-- not a comment', -- What the clerk wrote
                status TEXT NOT NULL
                    CHECK (status IN ('new', 'done')) -- Where the note stands
              , kind TEXT /* -- not this one */ -- Kind of note --
              , PRIMARY KEY (status, kind) -- The key, no column's
            );
            CREATE VIEW open_notes AS -- Notes not done yet
                SELECT * FROM "notes -- kept" WHERE status = 'new' -- a filter, not a column
            """);

        var schema = await ReadAsync(connection);

        var notes = Table(schema, null, "notes -- kept");
        Assert.Equal("Notes the clerks write", notes.Comment);
        Assert.Equal(["What the clerk wrote", "Where the note stands", "Kind of note --"], notes.Columns.Select(column => column.Comment));
        var view = Table(schema, null, "open_notes");
        Assert.Equal("Notes not done yet", view.Comment);
        Assert.All(view.Columns, column => Assert.Null(column.Comment));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--")]
    [InlineData("CREATE TABLE t (a TEXT DEFAULT 'unterminated -- x")]
    [InlineData("CREATE TABLE t (\"a -- x")]
    [InlineData("CREATE TABLE t (a /* open -- x")]
    [InlineData("CREATE TABLE t (a [x -- y")]
    [InlineData("CREATE TABLE t ))) (( a, -- x\n b -- y")]
    [InlineData("CREATE TABLE t (a, -- \u2028 \0 ")]
    public void Sqlite_Comments_OddCreateText_NeverFails(string createSql)
    {
        var comments = SqliteSchemaReader.CommentsOf(createSql, isView: false, ["a", "b"]);

        Assert.All(comments.Columns.Keys, name => Assert.True(name is "a" or "b", name));
    }

    [Fact]
    public async Task Sqlite_CompactText_ShowsComments()
    {
        await using var connection = await OpenAsync(SchemaShopScripts.Sqlite);

        var lines = SchemaText.Compact(await ReadAsync(connection)).Split('\n');

        Assert.Contains(
            "orders(id INTEGER PK, customer_id INTEGER → customers.id 'Who ordered', ordered_at TEXT, total NUMERIC(12,2) 'Sum in euros, tax included')" +
            " -- Orders placed on the web shop", lines);
    }

    [Fact]
    public async Task Read_ManyTables_StopsAtMaxTables_KeepingTheFirstByName()
    {
        var tableCount = SchemaIntrospector.MaxTables + 5;
        await using var connection = await OpenAsync(string.Concat(
            Enumerable.Range(0, tableCount).Reverse().Select(number => $"CREATE TABLE t{number:0000} (id INTEGER PRIMARY KEY);")));

        var schema = await ReadAsync(connection);

        Assert.Equal(SchemaIntrospector.MaxTables, schema.Tables.Count);
        Assert.Equal("t0000", schema.Tables[0].Name);
        Assert.Equal($"t{SchemaIntrospector.MaxTables - 1:0000}", schema.Tables[^1].Name);
    }
}
