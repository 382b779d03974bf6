using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Tests.Costs;

public abstract partial class CostLedgerTests
{
    [Fact]
    public async Task SchemaV2_OverV1History_CarriesTurnsOverOnce_EvenWhenRunAgain()
    {
        var (dialect, connectionString, chatId) = (Fixture.Dialect, await Fixture.CreateEmptyAsync(), NewId());
        var scripts = SchemaScript.For(dialect);
        var v2 = scripts.Single(script => script.Name.EndsWith("_cost_ledger.sql", StringComparison.Ordinal));
        await RunScriptsAsync(dialect, connectionString, scripts.Where(script => script.Version < v2.Version));
        var database = new AppDatabase(dialect, connectionString);
        await InsertV1HistoryAsync(database, chatId, "old q0", "old q1");

        await new SchemaMigrator(TimeProvider.System, NullLogger<SchemaMigrator>.Instance).ApplyAsync(dialect, connectionString, "test", CancellationToken.None);
        await RunScriptsAsync(dialect, connectionString, scripts); // as after a crash before the versions were recorded

        var turns = await Fixture.LedgerFor(database).RecentTurnsAsync(chatId, 10, Since2000, CancellationToken.None);
        Assert.Equal(["old q0", "old q1"], turns.Select(turn => turn.Question));
        Assert.All(turns, turn => Assert.Equal("None", turn.Way));
        Assert.Equal(Flash20, await new PriceBook(database, TimeProvider.System).PriceAtAsync(Flash20.Model, March, CancellationToken.None));
    }

    private static async Task RunScriptsAsync(SqlDialect dialect, string connectionString, IEnumerable<SchemaScript> scripts)
    {
        await using var connection = await SchemaMigrator.OpenAsync(dialect, connectionString, "test", CancellationToken.None);
        foreach (var batch in scripts.SelectMany(script => dialect.SplitBatches(script.Text)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = batch;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task InsertV1HistoryAsync(AppDatabase database, long chatId, params string[] questions)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        for (var i = 0; i < questions.Length; i++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO ConversationHistory (ChatId, UserId, Question, Answer, CreatedAt)
                VALUES (@chatId, @chatId, @question, 'answer', @createdAt)
                """;
            command.AddParameter("@chatId", chatId);
            command.AddParameter("@question", questions[i]);
            command.AddParameter("@createdAt", database.Dialect.Timestamp(March.AddMinutes(i)));
            await command.ExecuteNonQueryAsync();
        }
    }
}
