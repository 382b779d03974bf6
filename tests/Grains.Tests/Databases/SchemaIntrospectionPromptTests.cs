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
            SchemaText.Compact(schema, quote: CustomerDialects.Of(DatabaseProvider.MySql).NameQuote));
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
