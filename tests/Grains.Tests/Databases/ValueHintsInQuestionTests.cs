using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// A value is the only link between a question and its table: the database's own values, read with its schema, lead the
/// pipeline to the table and show the model how the value is spelled.
/// </summary>
[Collection(QuestionSiloCollection.Name)]
public sealed class ValueHintsInQuestionTests(QuestionSiloFixture fixture)
{
    [Fact]
    public async Task HowManyOrdersWereCancelled_FindsTheStateColumnByItsValue_AndThePromptShowsTheValue()
    {
        var userId = await Cluster.TestUsers.RegisterAsync(fixture.Grains);
        // Twenty unrelated tables first, so the picker has to choose; nothing in "purchases" is named like the question.
        var filler = string.Concat(Enumerable.Range(1, 20).Select(number => $"CREATE TABLE misc_{number:00} (id INTEGER PRIMARY KEY, code TEXT);\n"));
        await QuestionSiloSqliteDatabase.AddAsync(fixture, userId, "Hinted", filler + """
            CREATE TABLE purchases (id INTEGER PRIMARY KEY, state TEXT NOT NULL, amount NUMERIC);
            INSERT INTO purchases (state, amount) VALUES ('Open', 10), ('Cancelled', 12), ('Delivered', 8), ('Cancelled', 3);
            """);
        var before = fixture.Model.Requests.Count;
        fixture.Model.EnqueueJson(new { way = "Conversation", answer = "ok" }, 10, 5);

        await fixture.Grains.GetGrain<IUserGrain>(userId).AskAsync(userId, "How many orders were cancelled?");

        var promptLines = QuestionSiloSqliteDatabase.SystemPromptLines(fixture, before);
        Assert.Contains("purchases(id INTEGER PK, state TEXT e.g. 'Cancelled', amount NUMERIC)", promptLines);
        Assert.DoesNotContain(promptLines, line => line.Contains("'Delivered'", StringComparison.Ordinal));
        Assert.DoesNotContain(promptLines, line => line.StartsWith("misc_", StringComparison.Ordinal));
    }
}
