using Npgsql;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>The cost ledger as the app database holds it after the run, and the ways it could be broken.</summary>
internal sealed record LedgerAudit(
    IReadOnlyList<LedgerAudit.Conversation> Conversations,
    int DistinctConversationIds,
    int OrphanStages,
    int TotalsNotMatchingStages,
    int ConversationsWithSeveralTurns,
    int AnsweredWithoutTurn)
{
    public sealed record Conversation(string ConversationId, long UserId, string Status, string? Answer, string Question);

    public static async Task<LedgerAudit> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var conversations = new List<Conversation>();
        await using (var command = new NpgsqlCommand("SELECT ConversationId, UserId, Status, Answer, Question FROM Conversations", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                conversations.Add(new Conversation(reader.GetString(0), reader.GetInt64(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
            }
        }
        return new LedgerAudit(
            conversations,
            await CountAsync(connection, "SELECT COUNT(DISTINCT ConversationId) FROM Conversations"),
            await CountAsync(connection, """
                SELECT COUNT(*) FROM ConversationStages s
                 WHERE NOT EXISTS (SELECT 1 FROM Conversations c WHERE c.ConversationId = s.ConversationId)
                """),
            await CountAsync(connection, """
                SELECT COUNT(*)
                  FROM Conversations c
                  LEFT JOIN (SELECT ConversationId, SUM(InputTokens) AS InputTokens, SUM(OutputTokens) AS OutputTokens, SUM(TotalCost) AS TotalCost
                               FROM ConversationStages GROUP BY ConversationId) s ON s.ConversationId = c.ConversationId
                 WHERE c.InputTokens <> COALESCE(s.InputTokens, 0)
                    OR c.OutputTokens <> COALESCE(s.OutputTokens, 0)
                    OR c.TotalCost <> COALESCE(s.TotalCost, 0)
                """),
            await CountAsync(connection, """
                SELECT COUNT(*) FROM (SELECT ConversationId FROM ConversationTurns WHERE ConversationId IS NOT NULL
                                       GROUP BY ConversationId HAVING COUNT(*) > 1) AS several
                """),
            await CountAsync(connection, """
                SELECT COUNT(*) FROM Conversations c
                 WHERE c.Status = 'Answered'
                   AND NOT EXISTS (SELECT 1 FROM ConversationTurns t WHERE t.ConversationId = c.ConversationId)
                """));
    }

    /// <summary>Answered turns per user in the chat memory (what /history lists).</summary>
    public static async Task<IReadOnlyDictionary<long, int>> TurnsPerUserAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT UserId, COUNT(*) FROM ConversationTurns GROUP BY UserId", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var turns = new Dictionary<long, int>();
        while (await reader.ReadAsync()) turns[reader.GetInt64(0)] = (int)reader.GetInt64(1);
        return turns;
    }

    private static async Task<int> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
