using System.Data.Common;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Users;

/// <summary>
/// Reads back questions the ledger already recorded, so an ask repeated with the same request id
/// (a gateway retrying after a silo died) is answered from the <c>Conversations</c> row instead of
/// running the model again. The user grain reads the recent ids once per activation (<see cref="RecentAnswers"/>),
/// and a whole answer only for a repeat it does not hold itself.
/// </summary>
public sealed class AnsweredQuestions(AppDatabase database)
{
    /// <returns>The stored answer with its stage costs, or null when this user has no such conversation.</returns>
    public async Task<QuestionAnswer?> FindAsync(string conversationId, long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        QuestionAnswer answer;
        await using (var command = Command(connection, """
            SELECT c.Status, c.Answer, c.Error, c.Way, t.Sql, va.ExampleId, va.Mode, va.TokensSaved, ve.VerifiedByName, ve.VerifiedAt
              FROM Conversations c
              LEFT JOIN ConversationTurns t ON t.ConversationId = c.ConversationId
              LEFT JOIN VerifiedAnswers va ON va.ConversationId = c.ConversationId
              LEFT JOIN VerifiedExamples ve ON ve.Id = va.ExampleId
             WHERE c.ConversationId = @conversationId AND c.UserId = @userId
            """, conversationId))
        {
            command.AddParameter("@userId", userId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            var outcome = Enum.TryParse<QuestionOutcome>(reader.GetString(0), out var parsed) ? parsed : QuestionOutcome.Answered;
            var text = DbValues.NullableString(reader, 1) ?? DbValues.NullableString(reader, 2) ?? "";
            var way = Enum.TryParse<AnswerWay>(DbValues.NullableString(reader, 3), out var stored) ? stored : AnswerWay.None;
            answer = new QuestionAnswer(outcome, text, way, DbValues.NullableString(reader, 4), ConversationId: conversationId, Verified: VerifiedSourceOf(reader));
        }
        return answer with { Stages = await StagesAsync(connection, conversationId, cancellationToken) };
    }

    /// <returns>The ids of this user's conversations started since <paramref name="since"/>, with their start.</returns>
    public async Task<IReadOnlyList<(string ConversationId, DateTimeOffset StartedAt)>> RecordedSinceAsync(long userId, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ConversationId, StartedAt FROM Conversations WHERE UserId = @userId AND StartedAt >= @since";
        command.AddParameter("@userId", userId);
        command.AddParameter("@since", database.Dialect.Timestamp(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var recorded = new List<(string, DateTimeOffset)>();
        while (await reader.ReadAsync(cancellationToken)) recorded.Add((reader.GetString(0), DbValues.Timestamp(reader, 1)));
        return recorded;
    }

    /// <summary>
    /// Which verified example answered it, when one did. The stored text is what the answer said (a template answer's
    /// "Result: …" included), so the gateway shows it as it is. An example removed since then is no longer named.
    /// </summary>
    private static VerifiedSource? VerifiedSourceOf(DbDataReader reader)
    {
        if (reader.IsDBNull(5) || reader.IsDBNull(8)) return null;
        var mode = Enum.TryParse<VerifiedAnswerMode>(reader.GetString(6), out var parsed) ? parsed : VerifiedAnswerMode.Summary;
        return new VerifiedSource(DbValues.Int64(reader, 5), reader.GetString(8), DbValues.Timestamp(reader, 9), mode, (int)DbValues.Int64(reader, 7));
    }

    private static async Task<IReadOnlyList<StageUsage>> StagesAsync(DbConnection connection, string conversationId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            SELECT StageNumber, StageName, Model, InputTokens, OutputTokens, InputCost, OutputCost, DurationMs, ReasoningTokens, PriceKnown
              FROM ConversationStages
             WHERE ConversationId = @conversationId
             ORDER BY Sequence
            """, conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stages = new List<StageUsage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stages.Add(new StageUsage((int)DbValues.Int64(reader, 0), reader.GetString(1), reader.GetString(2),
                (int)DbValues.Int64(reader, 3), (int)DbValues.Int64(reader, 4), DbValues.Decimal(reader, 5), DbValues.Decimal(reader, 6),
                TimeSpan.FromMilliseconds(DbValues.Int64(reader, 7)), (int)DbValues.Int64(reader, 8), DbValues.Boolean(reader, 9)));
        }
        return stages;
    }

    private static DbCommand Command(DbConnection connection, string sql, string conversationId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("@conversationId", conversationId);
        return command;
    }
}
