using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;
using static OrleansAssistant.Grains.Tests.Databases.SchemaSyntheticCatalog;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>What the model sees of a schema: the compact text and the tables picked for a question.</summary>
public sealed class SchemaIntrospectionPromptTests
{
    private const string Question = "total orders per customer last month";

    [Fact]
    public void CompactText_QuotesReservedWords_AndQualifiesOnlyNonDefaultSchemas()
    {
        var schema = new DatabaseSchema(
        [
            new TableSchema("dbo", "order", false, [new ColumnSchema("Id", "int", false), new ColumnSchema("user", "nvarchar(50)", true)], ["Id"], [], 1),
            new TableSchema("sales", "Invoices", false, [new ColumnSchema("OrderId", "int", false)], [],
                [new ForeignKeySchema(["OrderId"], "dbo", "order", ["Id"])], null),
        ], DateTimeOffset.UnixEpoch);

        Assert.Equal(
            "\"order\"(Id int PK, \"user\" nvarchar(50)) ~1 row\nsales.Invoices(OrderId int → \"order\".Id)",
            SchemaText.Compact(schema));
    }

    [Fact]
    public void CompactText_ForMySql_QuotesNamesWithBackticks_WhichMySqlReadsAsNames()
    {
        var schema = new DatabaseSchema(
        [
            new TableSchema(null, "order notes", false, [new ColumnSchema("order", "int", false), new ColumnSchema("odd`name", "text", true)], ["order"], [], null),
        ], DateTimeOffset.UnixEpoch);

        Assert.Equal(
            "`order notes`(`order` int PK, `odd``name` text)",
            SchemaText.Compact(schema, style: CustomerDialects.Of(DatabaseProvider.MySql).NameStyle));
    }

    [Fact]
    public void CompactText_ForPostgreSql_QuotesNamesWithCapitals_WhichPostgreSqlWouldFoldToLowerCase()
    {
        var schema = new DatabaseSchema(
        [
            new TableSchema("public", "Orders", false, [new ColumnSchema("Id", "integer", false), new ColumnSchema("total", "numeric", true)], ["Id"], [], null),
            new TableSchema("Sales", "lines", false, [new ColumnSchema("OrderId", "integer", false)], [],
                [new ForeignKeySchema(["OrderId"], "public", "Orders", ["Id"])], null),
        ], DateTimeOffset.UnixEpoch);

        Assert.Equal(
            "\"Orders\"(\"Id\" int PK, total numeric)\n\"Sales\".lines(\"OrderId\" int → \"Orders\".\"Id\")",
            SchemaText.Compact(schema, style: CustomerDialects.Of(DatabaseProvider.PostgreSql).NameStyle));
    }

    [Fact]
    public void CompactText_OfOneSchemaRead_IsTheSameEveryTime_AndEachStyleKeepsItsOwnQuoting()
    {
        var schema = new DatabaseSchema([new TableSchema(null, "Order Notes", false, [new ColumnSchema("Text", "text", true)], [], [], null)], DateTimeOffset.UnixEpoch);
        var mySql = CustomerDialects.Of(DatabaseProvider.MySql).NameStyle;

        var first = SchemaText.Compact(schema, style: mySql);
        var standard = SchemaText.Compact(schema);

        Assert.Equal("`Order Notes`(Text text)", first);
        Assert.Equal(first, SchemaText.Compact(schema, style: mySql));
        Assert.Equal("\"Order Notes\"(Text text)", standard);
    }

    [Fact]
    public void CompactText_ShortensSpelledOutPostgreSqlTypes()
    {
        string[] types = ["timestamp(3) without time zone", "time with time zone", "character(2)", "integer[]", "double precision", "boolean", "character varying"];
        var table = new TableSchema(null, "t", false, types.Select((type, index) => new ColumnSchema($"c{index}", type, true)).ToArray(), [], [], null);

        Assert.Equal(
            "t(c0 timestamp(3), c1 timetz, c2 char(2), c3 int[], c4 float8, c5 bool, c6 varchar)",
            SchemaText.Compact(new DatabaseSchema([table], DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public void CompactText_ShowsAColumnsCommentAfterItsMarkers_AndATablesAtTheEndOfItsLine()
    {
        var table = new TableSchema(null, "orders", false,
            [new ColumnSchema("id", "integer", false, "Order number"), new ColumnSchema("customer_id", "integer", false, "Who ordered")],
            ["id"], [new ForeignKeySchema(["customer_id"], null, "customers", ["id"])], 250, "Orders placed on the web shop");

        Assert.Equal(
            "orders(id int PK 'Order number', customer_id int → customers.id 'Who ordered') ~250 rows -- Orders placed on the web shop",
            TextOf(table));
    }

    [Fact]
    public void CompactText_CommentsWithNewlinesAndQuotes_CannotBreakTheLineOrTheColumnList()
    {
        var table = new TableSchema(null, "t", false,
            [new ColumnSchema("a", "text", true, "it's ', b int) \r\n-- DROP TABLE t"), new ColumnSchema("b", "text", true)],
            [], [], null, "first line\n\nt2(x int)\u2028\tlast");

        var text = TextOf(table);

        Assert.Equal("t(a text 'it''s '', b int) -- DROP TABLE t', b text) -- first line t2(x int) last", text);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public void CompactText_LongComment_IsCutAtAWordWithAnEllipsis()
    {
        var longComment = string.Join(' ', Enumerable.Repeat("description", 100));
        var table = new TableSchema(null, "t", false, [new ColumnSchema("a", "int", true, longComment)], [], [], null, longComment);

        var line = TextOf(table);

        var shortened = string.Join(' ', Enumerable.Repeat("description", 16)) + "…";
        Assert.Equal($"t(a int '{shortened}') -- {shortened}", line);
        Assert.True(shortened.Length <= SchemaComment.MaxLength);
    }

    [Fact]
    public void CompactText_BlankComments_GiveExactlyTheTextOfASchemaWithoutComments()
    {
        var plain = ShopAmong(10);
        var blank = new DatabaseSchema(
            plain.Tables.Select(table => table with
            {
                Comment = " \n\t ",
                Columns = table.Columns.Select(column => column with { Comment = "" }).ToArray(),
            }).ToArray(),
            plain.ReadAt);

        Assert.Equal(SchemaText.Compact(plain), SchemaText.Compact(blank));
        Assert.DoesNotContain("--", SchemaText.Compact(plain), StringComparison.Ordinal);
        Assert.DoesNotContain("'", SchemaText.Compact(plain), StringComparison.Ordinal);
    }

    private static string TextOf(TableSchema table) => SchemaText.Compact(new DatabaseSchema([table], DateTimeOffset.UnixEpoch));

    [Fact]
    public void RelevantTables_PicksMatchingTablesAndTheirForeignKeyNeighbours_FromALargeSchema()
    {
        var schema = ShopAmong(40);

        var picked = RelevantTables.Pick(schema, Question);

        // addresses and products match no word: they come in as neighbours of orders and order_lines.
        Assert.Equal(["addresses", "customers", "order_lines", "orders", "products"], picked.Select(table => table.Name));
        Assert.Equal(picked, RelevantTables.Pick(schema, Question));
    }

    [Fact]
    public void RelevantTables_KeepsAtMostMaxTables_StrongestMatchesFirst()
    {
        var picked = RelevantTables.Pick(ShopAmong(40), Question, maxTables: 2);

        Assert.Equal(["customers", "orders"], picked.Select(table => table.Name));
    }

    [Fact]
    public void RelevantTables_SmallSchema_GivesEveryTable()
    {
        var schema = new DatabaseSchema(Shop(), DateTimeOffset.UnixEpoch);

        Assert.Equal(schema.Tables, RelevantTables.Pick(schema, "weather in Paris"));
    }

    [Fact]
    public void RelevantTables_MatchesCamelCaseNamesAndPlurals()
    {
        var tables = Enumerable.Range(1, 20).Select(number => Table($"misc_{number:00}", ["id"]))
            .Append(Table("ProductCategories", ["id", "DisplayName"]))
            .ToArray();

        var picked = RelevantTables.Pick(new DatabaseSchema(tables, DateTimeOffset.UnixEpoch), "Which product category sells best?");

        Assert.Equal("ProductCategories", Assert.Single(picked).Name);
    }

    [Fact]
    public void RelevantTables_NothingMatches_GivesTheFirstTables()
    {
        var schema = ShopAmong(40);

        var picked = RelevantTables.Pick(schema, "weather in Paris", maxTables: 3);

        Assert.Equal(schema.Tables.Take(3), picked);
    }
}
