using OrleansAssistant.CustomerDatabases.Dialects.MySql;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;
using static OrleansAssistant.Grains.Tests.Databases.SchemaAssert;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>Schema introspection of a MariaDB database (the test server of ./test.sh; failing, never skipping, without it).</summary>
public sealed class SchemaIntrospectionMySqlTests(SchemaMySqlShop shop) : IClassFixture<SchemaMySqlShop>
{
    private DatabaseSchema Schema => shop.Schema;

    [Fact]
    public void MySql_Read_ListsTheDatabasesTablesAndViews_WithoutASchemaName()
    {
        Assert.Equal(
            ["customer_totals", "customers", "order notes", "order_lines", "orders", "products"],
            Schema.Tables.Select(table => table.Name));
        Assert.All(Schema.Tables, table => Assert.Null(table.Schema));
        Assert.Equal(["customer_totals"], Schema.Tables.Where(table => table.IsView).Select(table => table.Name));
    }

    [Fact]
    public void MySql_Read_GivesColumnsInOrder_WithTypesAndNullability()
    {
        Assert.Equal(
            [
                new ColumnSchema("id", "int", false, "Customer number"),
                new ColumnSchema("name", "varchar(100)", false),
                new ColumnSchema("email", "text", true),
                new ColumnSchema("created_at", "datetime", false),
            ],
            Table(Schema, null, "customers").Columns);
        Assert.Equal(new ColumnSchema("id", "bigint unsigned", false), Table(Schema, null, "orders").Columns[0]);
        Assert.Equal(new ColumnSchema("active", "tinyint(1)", false), Table(Schema, null, "products").Columns[^1]);
        Assert.Equal(new ColumnSchema("written by", "varchar(50)", true), Table(Schema, null, "order notes").Columns[^1]);
    }

    [Fact]
    public void MySql_Read_GivesPrimaryAndForeignKeys_MultiColumnKeptWhole()
    {
        Assert.Equal(["order_id", "line_no"], Table(Schema, null, "order_lines").PrimaryKey);
        Assert.Empty(Table(Schema, null, "customer_totals").PrimaryKey);

        var lineKeys = Table(Schema, null, "order_lines").ForeignKeys;
        Assert.Equal(2, lineKeys.Count);
        ForeignKey(lineKeys[0], ["order_id"], null, "orders", ["id"]);
        ForeignKey(lineKeys[1], ["product_id"], null, "products", ["id"]);
        ForeignKey(Assert.Single(Table(Schema, null, "order notes").ForeignKeys),
            ["order_id", "line_no"], null, "order_lines", ["order_id", "line_no"]);
    }

    [Fact]
    public void MySql_Read_GivesTableAndColumnComments_ButNotTheWordViewTheCatalogShowsForViews()
    {
        Assert.Equal("People and firms who buy", Table(Schema, null, "customers").Comment);
        Assert.Null(Table(Schema, null, "customer_totals").Comment);
        Assert.Null(Table(Schema, null, "orders").Comment);
        Assert.All(Table(Schema, null, "orders").Columns, column => Assert.Null(column.Comment));
    }

    [Fact]
    public void MySql_RowEstimates_ComeFromTheCatalog_AndViewsHaveNone()
    {
        Assert.Equal(MySqlShop.OrderCount, Table(Schema, null, "orders").RowEstimate);
        Assert.Equal(3, Table(Schema, null, "customers").RowEstimate);
        Assert.Null(Table(Schema, null, "customer_totals").RowEstimate);
    }

    [Fact]
    public void MySql_CompactText_HasOneLinePerTable_InPromptShape()
    {
        var lines = SchemaText.Compact(Schema).Split('\n');

        Assert.Equal(6, lines.Length);
        Assert.Contains("orders(id bigint unsigned PK, customer_id int → customers.id, ordered_at datetime, total decimal(12,2)) ~250 rows", lines);
        Assert.Contains("customers(id int PK 'Customer number', name varchar(100), email text, created_at datetime) ~3 rows -- People and firms who buy", lines);
        // MariaDB gives a view's column the comment of the column it shows.
        Assert.Contains("customer_totals(customer_id int 'Customer number', name varchar(100), total decimal(34,2)) view", lines);
        Assert.Contains(lines, line => line.StartsWith(
            "\"order notes\"(order_id bigint unsigned, line_no smallint, \"written by\" varchar(50), (order_id, line_no) → order_lines(order_id, line_no))",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task MySql_Read_KeepsTheFirstTablesByName_WhenThereAreTooMany()
    {
        await using var connection = new MySqlConnector.MySqlConnection(await MySqlShop.SchemaShopAsync());
        await connection.OpenAsync();

        var tables = await new MySqlSchemaReader().ReadTablesAsync(connection, 2, CancellationToken.None);

        Assert.Equal(["customer_totals", "customers"], tables.Select(table => table.Name));
        Assert.Equal(4, tables[1].Columns.Count);
        Assert.Equal("People and firms who buy", tables[1].Comment);
    }

    [Theory]
    [InlineData("int(11)", "int")]
    [InlineData("bigint(20) unsigned", "bigint unsigned")]
    [InlineData("tinyint(1)", "tinyint(1)")]
    [InlineData("tinyint(4)", "tinyint")]
    [InlineData("decimal(12,2)", "decimal(12,2)")]
    [InlineData("varchar(100)", "varchar(100)")]
    [InlineData("enum('a','b')", "enum('a','b')")]
    public void MySql_TypeName_DropsOnlyIntegerDisplayWidths(string columnType, string expected) =>
        Assert.Equal(expected, MySqlTypeName.Shorten(columnType));
}
