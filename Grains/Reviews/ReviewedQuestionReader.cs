using System.Data.Common;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Reviews;

/// <summary>
/// Reads an organization's questions for review from the ledger: the conversation, its SQL (from the chat turn),
/// its model calls (tokens, unpriced calls), the asker's feedback and its ties to the verified library.
/// </summary>
public sealed class ReviewedQuestionReader(AppDatabase database)
{
    public const int MaxLimit = 500;

    private const string Answered = nameof(QuestionOutcome.Answered);

    // The per-row subqueries use the primary key of ConversationStages, so a page of questions never aggregates the whole ledger.
    private const string Select = """
        SELECT c.ConversationId, c.StartedAt, c.UserId, c.DatabaseId, c.Question, COALESCE(t.Sql, fq.Sql), c.Status, t.ResultRows,
               f.Verdict, f.Reason, c.TotalCost,
               (SELECT COUNT(*) FROM ConversationStages s WHERE s.ConversationId = c.ConversationId AND s.PriceKnown = @priceUnknown),
               (SELECT COALESCE(SUM(CAST(s.InputTokens AS bigint) + s.OutputTokens + s.ReasoningTokens), 0)
                  FROM ConversationStages s WHERE s.ConversationId = c.ConversationId),
               va.ExampleId
          FROM Conversations c
          LEFT JOIN ConversationTurns t ON t.ConversationId = c.ConversationId
          LEFT JOIN FailedQueries fq ON fq.ConversationId = c.ConversationId
          LEFT JOIN AnswerFeedback f ON f.ConversationId = c.ConversationId
          LEFT JOIN VerifiedAnswers va ON va.ConversationId = c.ConversationId
         WHERE c.OrgId = @orgId
        """;

    public async Task<IReadOnlyList<ReviewedQuestion>> ListAsync(string orgId, QuestionFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, orgId);
        var conditions = new List<string> { "c.StartedAt >= @from", "c.StartedAt < @to" };
        command.AddParameter("@from", database.Dialect.Timestamp(filter.From));
        command.AddParameter("@to", database.Dialect.Timestamp(filter.To));
        if (filter.NotHelpfulOnly)
        {
            conditions.Add("f.Verdict = @notHelpful");
            command.AddParameter("@notHelpful", (int)FeedbackVerdict.NotHelpful);
        }
        if (filter.FailedOnly)
        {
            conditions.Add("c.Status <> @answered");
            command.AddParameter("@answered", Answered);
        }
        if (filter.UserId is { } userId)
        {
            conditions.Add("c.UserId = @userId");
            command.AddParameter("@userId", userId);
        }
        if (filter.DatabaseId is { } databaseId)
        {
            conditions.Add("c.DatabaseId = @databaseId");
            command.AddParameter("@databaseId", databaseId);
        }
        command.AddParameter("@skip", 0);
        command.AddParameter("@take", Math.Clamp(filter.Limit, 1, MaxLimit));
        command.CommandText = $"""
            {Select}
               AND {string.Join(" AND ", conditions)}
             ORDER BY c.StartedAt DESC, c.ConversationId DESC
             {database.Dialect.Page("@skip", "@take")}
            """;
        return await WithExamplesAsync(connection, await ReadAsync(command, cancellationToken), cancellationToken);
    }

    public async Task<ReviewedQuestion?> FindAsync(string orgId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, orgId);
        command.CommandText = $"{Select} AND c.ConversationId = @conversationId";
        command.AddParameter("@conversationId", conversationId);
        var rows = await WithExamplesAsync(connection, await ReadAsync(command, cancellationToken), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static DbCommand Command(DbConnection connection, string orgId)
    {
        var command = connection.CreateCommand();
        command.AddParameter("@orgId", orgId);
        CostSource.BindPriceUnknown(command);
        return command;
    }

    private static async Task<IReadOnlyList<ReviewedQuestion>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ReviewedQuestion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReviewedQuestion(
                ConversationId: reader.GetString(0),
                StartedAt: DbValues.Timestamp(reader, 1),
                UserId: DbValues.Int64(reader, 2),
                DatabaseId: DbValues.NullableString(reader, 3),
                Question: reader.GetString(4),
                Sql: DbValues.NullableString(reader, 5),
                Outcome: reader.GetString(6),
                ResultRows: DbValues.NullableInt32(reader, 7),
                Feedback: DbValues.NullableInt32(reader, 8) is { } verdict ? (FeedbackVerdict)verdict : null,
                FeedbackReason: DbValues.NullableString(reader, 9),
                Cost: DbValues.Decimal(reader, 10),
                UnpricedCalls: (int)DbValues.Int64(reader, 11),
                TotalTokens: DbValues.Int64(reader, 12),
                AnsweredFromExampleId: NullableInt64(reader, 13),
                VerifiedAsExampleId: null));
        }
        return rows;
    }

    /// <summary>
    /// Which of the questions were verified into their database's library: one read per page (by the examples' index on the
    /// answer they came from) rather than a subquery per row.
    /// </summary>
    private static async Task<IReadOnlyList<ReviewedQuestion>> WithExamplesAsync(
        DbConnection connection, IReadOnlyList<ReviewedQuestion> questions, CancellationToken cancellationToken)
    {
        var asked = questions.Where(q => q.DatabaseId is not null).ToList();
        if (asked.Count == 0) return questions;
        await using var command = connection.CreateCommand();
        var databases = Parameters(command, "db", asked.Select(q => q.DatabaseId!));
        var conversations = Parameters(command, "c", asked.Select(q => q.ConversationId));
        command.CommandText = $"""
            SELECT e.SourceConversationId, MIN(e.Id)
              FROM VerifiedExamples e
             WHERE e.DatabaseId IN ({databases}) AND e.SourceConversationId IN ({conversations})
             GROUP BY e.SourceConversationId
            """;
        var examples = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) examples[reader.GetString(0)] = DbValues.Int64(reader, 1);
        }
        return [.. questions.Select(q => examples.TryGetValue(q.ConversationId, out var id) ? q with { VerifiedAsExampleId = id } : q)];
    }

    /// <summary>Binds each distinct value as its own parameter and returns their names, comma-separated.</summary>
    private static string Parameters(DbCommand command, string prefix, IEnumerable<string> values) =>
        string.Join(", ", values.Distinct(StringComparer.Ordinal).Select((value, index) =>
        {
            command.AddParameter($"@{prefix}{index}", value);
            return $"@{prefix}{index}";
        }));

    private static long? NullableInt64(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : DbValues.Int64(reader, ordinal);
}
