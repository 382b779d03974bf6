using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Exports;

/// <summary>Reads an answered question and its SQL from the ledger (<c>Conversations</c> and <c>ConversationTurns</c>).</summary>
public sealed class AnsweredQueries(AppDatabase database)
{
    internal async Task<AnsweredQuery?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.UserId, c.OrgId, c.DatabaseId, c.StartedAt, c.Question, t.Sql, c.ChatId
              FROM Conversations c
              LEFT JOIN ConversationTurns t ON t.ConversationId = c.ConversationId
             WHERE c.ConversationId = @conversationId
            """;
        command.AddParameter("@conversationId", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new AnsweredQuery(DbValues.Int64(reader, 0), DbValues.NullableString(reader, 1), DbValues.NullableString(reader, 2),
            DbValues.Timestamp(reader, 3), reader.GetString(4), DbValues.NullableString(reader, 5), DbValues.Int64(reader, 6));
    }
}
