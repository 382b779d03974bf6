using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.TestSupport;
using static OrleansAssistant.Grains.Tests.Databases.SchemaSyntheticCatalog;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// Value hints: the few values of category-like text columns are kept with the schema, within caps, never for columns that
/// look secret or personal, and a question naming one finds its table and sees the value in the prompt.
/// </summary>
public sealed class ValueHintTests
{
    private const string ShopScript = """
        CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT, region TEXT, note TEXT);
        CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT, phone_number TEXT, api_key TEXT, password_hash TEXT, tier TEXT);
        """;

    [Fact]
    public async Task Sqlite_KeepsTheFewValuesOfCategoryColumns_AndNothingElse()
    {
        var schema = await ReadSqliteAsync(ShopScript, FillShop);

        var orders = schema.Tables.Single(table => table.Name == "orders");
        var customers = schema.Tables.Single(table => table.Name == "customers");
        Assert.Equal(["Cancelled", "In Progress", "Pending", "Shipped"], Column(orders, "status").Values);
        Assert.Null(Column(orders, "note").Values); // free text: values longer than a category's
        Assert.Null(Column(customers, "name").Values); // 60 distinct names: not a category
        Assert.Equal(["Gold", "Silver"], Column(customers, "tier").Values);
        foreach (var secret in new[] { "email", "phone_number", "api_key", "password_hash" })
            Assert.Null(Column(customers, secret).Values);
    }

    [Fact]
    public async Task Sqlite_ReadsAtMostTheSampleRows_SoAValueOnlyFarDownIsMissed()
    {
        var schema = await ReadSqliteAsync("CREATE TABLE visits (id INTEGER PRIMARY KEY, region TEXT);", async connection =>
        {
            await SchemaShopScripts.ExecuteAsync(connection, $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ValueHintSampler.SampleRows})
                INSERT INTO visits (region) SELECT CASE i % 2 WHEN 0 THEN 'North' ELSE 'South' END FROM n;
                INSERT INTO visits (region) VALUES ('Antarctica');
                """);
        });

        Assert.Equal(["North", "South"], Column(schema.Tables.Single(), "region").Values);
    }

    [Fact]
    public async Task PostgreSql_KeepsCategoryValues()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("hints");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var schema = await ReadAsync(DatabaseProvider.PostgreSql, connection, """
            CREATE TABLE "Orders" (id int PRIMARY KEY, "Status" varchar(20), contact_email text);
            INSERT INTO "Orders" VALUES (1, 'Cancelled', 'a@example.com'), (2, 'Shipped', 'b@example.com'), (3, 'Cancelled', NULL);
            ANALYZE "Orders";
            """);

        var orders = schema.Tables.Single();
        Assert.Equal(["Cancelled", "Shipped"], Column(orders, "Status").Values);
        Assert.Null(Column(orders, "contact_email").Values);
    }

    [Fact]
    public async Task MariaDb_KeepsCategoryValues()
    {
        var connectionString = await TestMariaDb.CreateDatabaseAsync("hints");
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();

        var schema = await ReadAsync(DatabaseProvider.MySql, connection, """
            CREATE TABLE `order` (id int PRIMARY KEY, status enum('Cancelled','Shipped','Pending'), city varchar(40));
            INSERT INTO `order` VALUES (1, 'Cancelled', 'Oslo'), (2, 'Shipped', 'Lima'), (3, 'Cancelled', 'Oslo');
            ANALYZE TABLE `order`;
            """);

        var orders = schema.Tables.Single();
        Assert.Equal(["Cancelled", "Shipped"], Column(orders, "status").Values);
        Assert.Equal(["Lima", "Oslo"], Column(orders, "city").Values);
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("PasswordHash", true)]
    [InlineData("user_email", true)]
    [InlineData("EmailAddress", true)]
    [InlineData("phone", true)]
    [InlineData("MobileNumber", true)]
    [InlineData("api_key", true)]
    [InlineData("access_token", true)]
    [InlineData("date_of_birth", true)]
    [InlineData("last_name", true)]
    [InlineData("iban", true)]
    [InlineData("status", false)]
    [InlineData("OrderStatus", false)]
    [InlineData("region", false)]
    [InlineData("product_category", false)]
    [InlineData("sort_key", false)]
    [InlineData("name", false)]
    [InlineData("name", true, "Customers")]
    [InlineData("FullName", true, "employee_records")]
    [InlineData("display_name", false, "product_categories")]
    [InlineData("created_at", true)]
    [InlineData("order_date", true)]
    public void SensitiveNamesAndDates_AreNeverSampled(string column, bool skipped, string table = "t")
    {
        var schema = new DatabaseSchema([new TableSchema(null, table, false, [new ColumnSchema(column, "text", true)], [], [], 10)], DateTimeOffset.UnixEpoch);

        // Sampling is what the rule guards: a sensitive column is never even read.
        Assert.Equal(skipped, !ValueHintCandidates(schema).Any());
    }

    [Fact]
    public void AValueIsTheOnlyLink_TheTableIsPicked_AndTheValueShownNextToItsColumn()
    {
        var purchases = new TableSchema("public", "purchases", false,
            [new ColumnSchema("id", "integer", false), new ColumnSchema("state", "text", true, Values: ["Cancelled", "Delivered", "Open"])],
            ["id"], [], 1200);
        var tables = Enumerable.Range(1, 40).Select(number => Table($"misc_{number:00}", ["id", "code"])).Append(purchases).ToArray();
        var schema = new DatabaseSchema(tables, DateTimeOffset.UnixEpoch);

        var pick = RelevantTables.Choose(schema, "How many orders were cancelled?");
        var text = SchemaText.Compact(schema, pick, SqlNameStyle.Standard);

        Assert.Contains(purchases, pick.Tables);
        Assert.Contains("purchases(id int PK, state text e.g. 'Cancelled') ~1200 rows", text.Split('\n'));
        Assert.DoesNotContain("Delivered", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AMultiWordValue_MatchesWhenEveryWordIsInTheQuestion_AndQuotesAreDoubled()
    {
        var airlines = new TableSchema(null, "airlines", false,
            [new ColumnSchema("id", "int", false), new ColumnSchema("name", "text", true, Values: ["Delta Airlines", "JetBlue Airways", "O'Hare Shuttle"])],
            ["id"], [], null);
        var schema = new DatabaseSchema([airlines], DateTimeOffset.UnixEpoch);

        var jetBlue = SchemaText.Compact(schema, RelevantTables.Choose(schema, "Give the number of Jetblue Airways flights."), SqlNameStyle.Standard);
        var ohare = SchemaText.Compact(schema, RelevantTables.Choose(schema, "flights of o'hare shuttle"), SqlNameStyle.Standard);
        var delta = SchemaText.Compact(schema, RelevantTables.Choose(schema, "flights to the delta"), SqlNameStyle.Standard);

        Assert.Equal("airlines(id int PK, name text e.g. 'JetBlue Airways')", jetBlue);
        Assert.Equal("airlines(id int PK, name text e.g. 'O''Hare Shuttle')", ohare);
        Assert.Equal("airlines(id int PK, name text)", delta);
    }

    private static IEnumerable<ColumnSchema> ValueHintCandidates(DatabaseSchema schema)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            var column = schema.Tables[0].Columns[0].Name;
            create.CommandText = $"CREATE TABLE \"{schema.Tables[0].Name}\" (\"{column}\" TEXT); INSERT INTO \"{schema.Tables[0].Name}\" VALUES ('x');";
            create.ExecuteNonQuery();
        }
        var tables = ValueHintSampler.AddValuesAsync(CustomerDialects.Of(DatabaseProvider.Sqlite), connection, schema.Tables, CancellationToken.None)
            .GetAwaiter().GetResult();
        return tables.SelectMany(table => table.Columns).Where(column => column.Values is not null);
    }

    private static ColumnSchema Column(TableSchema table, string name) => table.Columns.Single(column => column.Name == name);

    private static async Task FillShop(DbConnection connection) => await SchemaShopScripts.ExecuteAsync(connection, """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
        INSERT INTO customers (name, email, phone_number, api_key, password_hash, tier)
        SELECT 'Customer ' || i, 'c' || i || '@example.com', '555-01' || i, 'key' || (i % 3), 'hash' || (i % 2), CASE i % 2 WHEN 0 THEN 'Gold' ELSE 'Silver' END FROM n;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
        INSERT INTO orders (status, region, note)
        SELECT CASE i % 4 WHEN 0 THEN 'Cancelled' WHEN 1 THEN 'Shipped' WHEN 2 THEN 'Pending' ELSE 'In Progress' END, 'North',
               'Please leave the parcel with the neighbour at number ' || i || ' if nobody answers the door' FROM n;
        """);

    private static async Task<DatabaseSchema> ReadSqliteAsync(string script, Func<DbConnection, Task> fill)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await SchemaShopScripts.ExecuteAsync(connection, script);
        await fill(connection);
        return await SchemaIntrospector.ReadAsync(DatabaseProvider.Sqlite, connection, DateTimeOffset.UnixEpoch, CancellationToken.None);
    }

    private static async Task<DatabaseSchema> ReadAsync(DatabaseProvider provider, DbConnection connection, string script)
    {
        await SchemaShopScripts.ExecuteAsync(connection, script);
        return await SchemaIntrospector.ReadAsync(provider, connection, DateTimeOffset.UnixEpoch, CancellationToken.None);
    }
}
