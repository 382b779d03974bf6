using System.Data.Common;
using System.Globalization;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>
/// Prices, the conversation ledger and cost reports against a real database; every test runs once per
/// dialect (see <see cref="CostDatabase"/>). Tests share the database, so each uses its own ids.
/// </summary>
public abstract partial class CostLedgerTests(CostDatabase fixture)
{
    protected static readonly DateTimeOffset Since2000 = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    protected static readonly ModelPrice Flash25 = new("gemini-2.5-flash", 0.30m, 2.50m, Since2000);
    protected static readonly ModelPrice Flash20 = new("gemini-2.0-flash", 0.10m, 0.40m, Since2000);
    protected static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    protected CostDatabase Fixture => fixture;

    protected AppDatabase Database => fixture.Database;

    protected ConversationLedger Ledger => new(Database, TimeProvider.System, fixture.Commits);

    [Fact]
    public async Task Record_StoresStageCosts_ExactlyTokensTimesPrice()
    {
        var (userId, id) = (NewId(), NewConversationId());

        await Ledger.RecordAsync(Conversation(id, userId, null, March),
            [Stage(1, 1, "summary", Flash25, 765, 1_970, March), Stage(2, 2, "sql-response", Flash20, 1_200, 345, March)], null, CancellationToken.None);

        Assert.Equal([0.0002295m, 0.004925m, 0.0051545m], await MoneyRowAsync("ConversationStages", id, "AND Sequence = 1"));
        Assert.Equal([0.00012m, 0.000138m, 0.000258m], await MoneyRowAsync("ConversationStages", id, "AND Sequence = 2"));
        Assert.Equal([0.0003495m, 0.005063m, 0.0054125m], await MoneyRowAsync("Conversations", id, ""));
        Assert.Equal(1_965L, await ScalarInt64Async("SELECT InputTokens FROM Conversations WHERE ConversationId = @id", ("@id", id)));
        Assert.Equal(2_315L, await ScalarInt64Async("SELECT OutputTokens FROM Conversations WHERE ConversationId = @id", ("@id", id)));
    }

    [Fact]
    public async Task Record_WritesConversationStagesAndTurn_Together()
    {
        var (userId, id) = (NewId(), NewConversationId());

        await Ledger.RecordAsync(Conversation(id, userId, "ORG_costs", March),
            [Stage(1, 1, "summary", Flash25, 765, 1_970, March), Stage(2, 2, "sql-response", Flash20, 1_200, 345, March)],
            Turn(userId, userId, id, "How many orders?", March, rowCount: 42), CancellationToken.None);

        Assert.Equal(1, await CountAsync("Conversations", "ConversationId", id));
        Assert.Equal(2, await CountAsync("ConversationStages", "ConversationId", id));
        var turn = Assert.Single(await Ledger.HistoryAsync(userId, 10, CancellationToken.None));
        Assert.Equal(id, turn.ConversationId);
        Assert.Equal("How many orders?", turn.Question);
        Assert.Equal(42, turn.RowCount);
        Assert.Equal("SqlQuery", turn.Way);
        Assert.Equal(0.0054125m, turn.TotalCost);
    }

    [Fact]
    public async Task Record_StageFailsMidway_LeavesNoRows()
    {
        var (userId, id) = (NewId(), NewConversationId());
        StageRecord[] duplicateSequence = [Stage(1, 1, "summary", Flash25, 10, 10, March), Stage(1, 2, "sql-response", Flash20, 10, 10, March)];

        await Assert.ThrowsAnyAsync<DbException>(() =>
            Ledger.RecordAsync(Conversation(id, userId, null, March), duplicateSequence, Turn(userId, userId, id, "q", March), CancellationToken.None));

        Assert.Equal(0, await CountAsync("Conversations", "ConversationId", id));
        Assert.Equal(0, await CountAsync("ConversationStages", "ConversationId", id));
        Assert.Equal(0, await CountAsync("ConversationTurns", "ChatId", userId));
    }

    [Fact]
    public async Task Record_TurnFailsAfterStages_LeavesNoRows()
    {
        var (userId, id) = (NewId(), NewConversationId());
        var invalidTurn = Turn(userId, userId, id, question: null!, March);

        await Assert.ThrowsAnyAsync<DbException>(() =>
            Ledger.RecordAsync(Conversation(id, userId, null, March), [Stage(1, 1, "summary", Flash25, 10, 10, March)], invalidTurn, CancellationToken.None));

        Assert.Equal(0, await CountAsync("Conversations", "ConversationId", id));
        Assert.Equal(0, await CountAsync("ConversationStages", "ConversationId", id));
        Assert.Equal(0, await CountAsync("ConversationTurns", "ChatId", userId));
    }

    protected static long NewId() => Random.Shared.NextInt64(1_000_000, long.MaxValue / 4);

    protected static string NewConversationId() => Guid.NewGuid().ToString("N");

    protected static ConversationRecord Conversation(string id, long userId, string? orgId, DateTimeOffset startedAt) =>
        new(id, userId, userId, orgId, "db_test", "How many orders?", "SqlQuery", "Answered", "42 orders.", null,
            startedAt, startedAt.AddSeconds(2), 2_000);

    /// <summary>A model call priced as the pipeline prices it.</summary>
    protected static StageRecord Stage(int sequence, int stageNumber, string stageName, ModelPrice price, int inputTokens, int outputTokens, DateTimeOffset at)
    {
        var (inputCost, outputCost) = CostCalculator.Cost(price, inputTokens, outputTokens);
        return new StageRecord(sequence, stageNumber, stageName, price.Model, inputTokens, outputTokens, inputCost, outputCost, at, 500, true);
    }

    protected static HistoryTurnRecord Turn(long chatId, long userId, string? conversationId, string question, DateTimeOffset createdAt, int? rowCount = null) =>
        new(chatId, userId, conversationId, question, $"Answer to {question}", "SELECT 1", rowCount, "SqlQuery", createdAt);

    protected async Task<long> CountAsync(string table, string column, object value) =>
        await ScalarInt64Async($"SELECT COUNT(*) FROM {table} WHERE {column} = @value", ("@value", value));

    protected async Task<long> ScalarInt64Async(string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64(await ScalarAsync(sql, parameters), CultureInfo.InvariantCulture);

    private async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.AddParameter(name, value);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>InputCost, OutputCost and TotalCost of one row, read as the driver returns them (text in SQLite).</summary>
    private async Task<decimal[]> MoneyRowAsync(string table, string conversationId, string andCondition)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT InputCost, OutputCost, TotalCost FROM {table} WHERE ConversationId = @id {andCondition}";
        command.AddParameter("@id", conversationId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return [Money(reader.GetValue(0)), Money(reader.GetValue(1)), Money(reader.GetValue(2))];
    }

    protected static decimal Money(object value) => value switch
    {
        decimal exact => exact,
        string text => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"Money came back as {value.GetType().Name}, which is not exact."),
    };
}
