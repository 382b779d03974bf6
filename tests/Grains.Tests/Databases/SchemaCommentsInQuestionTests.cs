using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>A customer's comments travel from the database, through the database grain, into the model's prompt.</summary>
[Collection(QuestionSiloCollection.Name)]
public sealed class SchemaCommentsInQuestionTests(QuestionSiloFixture fixture)
{
    [Fact]
    public async Task Comments_InTheCustomersDatabase_ReachTheSchemaAndThePrompt()
    {
        var userId = await Cluster.TestUsers.RegisterAsync(fixture.Grains);
        var added = await QuestionSiloSqliteDatabase.AddAsync(fixture, userId, "Commented", """
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE orders ( -- Orders placed on the web shop
                id INTEGER PRIMARY KEY,
                customer_id INTEGER REFERENCES customers (id), -- Who ordered
                total NUMERIC(12,2));
            """);
        var before = fixture.Model.Requests.Count;
        fixture.Model.EnqueueJson(new { way = "Conversation", answer = "ok" }, 10, 5);

        await fixture.Grains.GetGrain<IUserGrain>(userId).AskAsync(userId, "How many orders did each customer place?");

        var promptLines = QuestionSiloSqliteDatabase.SystemPromptLines(fixture, before);
        Assert.Contains("orders(id INTEGER PK, customer_id INTEGER → customers.id 'Who ordered', total NUMERIC(12,2)) -- Orders placed on the web shop",
            promptLines);
        Assert.Contains("customers(id INTEGER PK, name TEXT)", promptLines);
        var schema = (await fixture.Grains.GetGrain<IDatabaseConnectionGrain>(added.Database!.DatabaseId).GetSchemaAsync(userId))!;
        Assert.Equal("Orders placed on the web shop", Assert.Single(schema.Tables, table => table.Name == "orders").Comment);
    }
}
