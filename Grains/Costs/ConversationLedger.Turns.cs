using System.Data.Common;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

public sealed partial class ConversationLedger
{
    /// <summary>
    /// The newest <c>@count</c> turns matching <paramref name="filter"/>, numbered by ROW_NUMBER: the one
    /// way to say "the newest N" that all three dialects share (no LIMIT in SQL Server, no TOP elsewhere).
    /// </summary>
    private static string NewestTurns(string filter, string order) => $"""
        SELECT ChatId, UserId, ConversationId, Question, Answer, Sql, ResultRows, Way, CreatedAt, TotalCost
          FROM (SELECT t.ChatId, t.UserId, t.ConversationId, t.Question, t.Answer, t.Sql, t.ResultRows, t.Way,
                       t.CreatedAt, c.TotalCost, ROW_NUMBER() OVER (ORDER BY t.Id DESC) AS Recency
                  FROM ConversationTurns t
                  LEFT JOIN Conversations c ON c.ConversationId = t.ConversationId
                 WHERE {filter}) AS ranked
         WHERE Recency <= @count
         ORDER BY {order}
        """;

    /// <summary>The chat's newest <paramref name="count"/> turns not cleared and not older than <paramref name="notBefore"/>, oldest first.</summary>
    public Task<IReadOnlyList<HistoryTurnRecord>> RecentTurnsAsync(long chatId, int count, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        ReadTurnsAsync(
            NewestTurns("t.ChatId = @chatId AND t.ClearedAt IS NULL AND t.CreatedAt >= @notBefore", order: "Recency DESC"),
            command =>
            {
                command.AddParameter("@chatId", chatId);
                command.AddParameter("@notBefore", database.Dialect.Timestamp(notBefore));
            },
            count, cancellationToken);

    /// <summary>
    /// The user's newest <paramref name="count"/> turns in any chat, newest first, with their cost (for
    /// /history). Cleared turns are included: /clear only hides them from the model.
    /// </summary>
    public Task<IReadOnlyList<HistoryTurnRecord>> HistoryAsync(long userId, int count, CancellationToken cancellationToken) =>
        ReadTurnsAsync(
            NewestTurns("t.UserId = @userId", order: "Recency"),
            command => command.AddParameter("@userId", userId),
            count, cancellationToken);

    /// <summary>Hides the chat's turns up to <paramref name="at"/> from the model's context (/clear); they stay in /history.</summary>
    public async Task MarkClearedAsync(long chatId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE ConversationTurns
               SET ClearedAt = @clearedAt
             WHERE ChatId = @chatId AND ClearedAt IS NULL AND CreatedAt <= @clearedAt
            """;
        command.AddParameter("@chatId", chatId);
        command.AddParameter("@clearedAt", database.Dialect.Timestamp(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<HistoryTurnRecord>> ReadTurnsAsync(string sql, Action<DbCommand> bind, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        command.AddParameter("@count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var turns = new List<HistoryTurnRecord>();
        while (await reader.ReadAsync(cancellationToken)) turns.Add(ReadTurn(reader));
        return turns;
    }

    private static HistoryTurnRecord ReadTurn(DbDataReader reader) => new(
        ChatId: DbValues.Int64(reader, 0),
        UserId: DbValues.Int64(reader, 1),
        ConversationId: DbValues.NullableString(reader, 2),
        Question: reader.GetString(3),
        Answer: reader.GetString(4),
        Sql: DbValues.NullableString(reader, 5),
        RowCount: DbValues.NullableInt32(reader, 6),
        Way: DbValues.NullableString(reader, 7) ?? nameof(AnswerWay.None),
        CreatedAt: DbValues.Timestamp(reader, 8),
        TotalCost: DbValues.NullableDecimal(reader, 9));
}
