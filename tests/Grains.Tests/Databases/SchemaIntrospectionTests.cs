using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;
using static OrleansAssistant.Grains.Tests.Databases.SchemaAssert;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// Schema introspection against the real PostgreSQL server of ./test.sh (failing, never skipping, without it).
/// SQLite, SQL Server, the prompt text and table picking have their own SchemaIntrospection… classes.
/// </summary>
public sealed class SchemaIntrospectionTests(SchemaPostgresShop shop) : IClassFixture<SchemaPostgresShop>
{
    private DatabaseSchema Schema => shop.AfterAnalyze;

    [Fact]
    public void PostgreSql_Read_ListsUserTablesAndViewsInOrder_WithoutSystemOrTempTables()
    {
        Assert.Equal(
            [("public", "customer_totals"), ("public", "customers"), ("public", "order notes"), ("public", "order_lines"),
             ("public", "orders"), ("public", "products"), ("reporting", "daily_sales")],
            Schema.Tables.Select(table => (table.Schema, table.Name)));
        Assert.Equal(["customer_totals"], Schema.Tables.Where(table => table.IsView).Select(table => table.Name));
        Assert.Equal(ReadAt, Schema.ReadAt);
    }

    [Fact]
    public void PostgreSql_Read_GivesColumnsInOrder_WithFormattedTypesAndNullability()
    {
        Assert.Equal(
            [
                new ColumnSchema("id", "integer", false),
                new ColumnSchema("name", "character varying(100)", false),
                new ColumnSchema("email", "text", true),
                new ColumnSchema("created_at", "timestamp with time zone", false),
            ],
            Table(Schema, "public", "customers").Columns);
        Assert.Equal(new ColumnSchema("total", "numeric(12,2)", true, "Sum in euros, tax included"), Table(Schema, "public", "orders").Columns[^1]);
        Assert.Equal(new ColumnSchema("written by", "text", true), Table(Schema, "public", "order notes").Columns[^1]);
        Assert.Equal(new ColumnSchema("total", "numeric", true), Table(Schema, "public", "customer_totals").Columns[^1]);
    }

    [Fact]
    public void PostgreSql_Read_GivesPrimaryKeysInKeyOrder()
    {
        Assert.Equal(["id"], Table(Schema, "public", "orders").PrimaryKey);
        Assert.Equal(["order_id", "line_no"], Table(Schema, "public", "order_lines").PrimaryKey);
        Assert.Equal(["day", "customer_id"], Table(Schema, "reporting", "daily_sales").PrimaryKey);
        Assert.Empty(Table(Schema, "public", "order notes").PrimaryKey);
        Assert.Empty(Table(Schema, "public", "customer_totals").PrimaryKey);
    }

    [Fact]
    public void PostgreSql_Read_GivesForeignKeys_MultiColumnAndCrossSchemaKeptWhole()
    {
        var lineKeys = Table(Schema, "public", "order_lines").ForeignKeys;
        Assert.Equal(2, lineKeys.Count);
        ForeignKey(lineKeys[0], ["order_id"], "public", "orders", ["id"]);
        ForeignKey(lineKeys[1], ["product_id"], "public", "products", ["id"]);

        ForeignKey(Assert.Single(Table(Schema, "public", "order notes").ForeignKeys),
            ["order_id", "line_no"], "public", "order_lines", ["order_id", "line_no"]);
        ForeignKey(Assert.Single(Table(Schema, "reporting", "daily_sales").ForeignKeys),
            ["customer_id"], "public", "customers", ["id"]);
        Assert.Empty(Table(Schema, "public", "customers").ForeignKeys);
    }

    [Fact]
    public void PostgreSql_Read_GivesTableAndColumnComments_OnOneLine_BlankOnesAsNone()
    {
        var orders = Table(Schema, "public", "orders");
        Assert.Equal("Orders placed on the web shop", orders.Comment);
        Assert.Equal(
            [null, "Who ordered: the buyer's account", null, "Sum in euros, tax included"],
            orders.Columns.Select(column => column.Comment));
        Assert.Equal("Money spent per customer", Table(Schema, "public", "customer_totals").Comment);

        var products = Table(Schema, "public", "products");
        Assert.Null(products.Comment);
        Assert.All(products.Columns, column => Assert.Null(column.Comment));
    }

    [Fact]
    public void PostgreSql_Read_CutsALongComment_AtAWord()
    {
        var comment = Table(Schema, "reporting", "daily_sales").Comment!;

        Assert.True(comment.Length <= SchemaComment.MaxLength, $"{comment.Length} characters");
        Assert.EndsWith("…", comment, StringComparison.Ordinal);
        var kept = comment[..^1];
        Assert.StartsWith(kept, SchemaShopScripts.LongComment, StringComparison.Ordinal);
        Assert.Equal(' ', SchemaShopScripts.LongComment[kept.Length]);
    }

    [Fact]
    public void PostgreSql_RowEstimate_IsUnknownBeforeAnalyze_AndCountedAfter()
    {
        Assert.Null(Table(shop.BeforeAnalyze, "public", "orders").RowEstimate);
        Assert.Equal(SchemaShopScripts.OrderCount, Table(Schema, "public", "orders").RowEstimate);
        Assert.Equal(SchemaShopScripts.CustomerCount, Table(Schema, "public", "customers").RowEstimate);
        Assert.Null(Table(Schema, "public", "customer_totals").RowEstimate);
    }

    [Fact]
    public void PostgreSql_CompactText_HasOneLinePerTable_InPromptShape()
    {
        var lines = SchemaText.Compact(Schema).Split('\n');

        Assert.Equal(7, lines.Length);
        Assert.Contains(
            "orders(id int PK, customer_id int → customers.id 'Who ordered: the buyer''s account', ordered_at timestamptz, " +
            "total numeric(12,2) 'Sum in euros, tax included') ~250 rows -- Orders placed on the web shop", lines);
        Assert.Contains("customers(id int PK, name varchar(100), email text, created_at timestamptz) ~3 rows", lines);
        Assert.Contains("customer_totals(customer_id int, name varchar(100), total numeric) view -- Money spent per customer", lines);
        Assert.Contains("\"order notes\"(order_id int, line_no smallint, \"written by\" text, (order_id, line_no) → order_lines(order_id, line_no)) ~0 rows", lines);
        Assert.Contains(lines, line => line.StartsWith(
            "reporting.daily_sales(customer_id int PK → customers.id, day date PK, amount numeric(14,2)) ~0 rows -- Daily takings per customer",
            StringComparison.Ordinal));
    }

    [Fact]
    public void PostgreSql_CompactText_WithOnly_DescribesJustThoseTables()
    {
        var text = SchemaText.Compact(Schema, [Table(Schema, "public", "products")]);

        Assert.Equal("products(id int PK, sku varchar(20), price numeric(12,2)) ~0 rows", text);
    }
}
