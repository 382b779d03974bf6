using System.Data.Common;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Feedback;

/// <summary>
/// The <c>AnswerFeedback</c> table: one row per rated conversation, written only for its asker. The upsert is
/// dialect-neutral (read, then UPDATE or INSERT; an INSERT that loses a primary-key race becomes the UPDATE).
/// </summary>
public sealed class AnswerFeedbackStore(AppDatabase database, TimeProvider timeProvider)
{
    /// <returns>False when the asker's verdict was already <paramref name="verdict"/>.</returns>
    public async Task<bool> SetVerdictAsync(string conversationId, long userId, FeedbackVerdict verdict, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await VerdictOfAsync(connection, conversationId, cancellationToken);
        if (stored == verdict) return false;
        if (stored is null && await TryInsertAsync(connection, conversationId, userId, verdict, cancellationToken)) return true;
        return await ChangeVerdictAsync(connection, conversationId, verdict, cancellationToken);
    }

    /// <returns>False when the asker has no 👎 on that conversation to ask a reason for.</returns>
    public async Task<bool> AwaitReasonAsync(string conversationId, long userId, long chatId, long promptMessageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE AnswerFeedback SET ChatId = @chatId, ReasonPromptMessageId = @promptMessageId
             WHERE ConversationId = @conversationId AND UserId = @userId AND Verdict = @notHelpful
            """;
        command.AddParameter("@chatId", chatId);
        command.AddParameter("@promptMessageId", promptMessageId);
        command.AddParameter("@conversationId", conversationId);
        command.AddParameter("@userId", userId);
        command.AddParameter("@notHelpful", (int)FeedbackVerdict.NotHelpful);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Stores the reason replied to a prompt and forgets the prompt, so a second reply to it is not taken as a reason.</summary>
    /// <returns>False when that message of that chat asked this person for no reason (or no longer does).</returns>
    public async Task<bool> RecordReasonAsync(long userId, long chatId, long promptMessageId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE AnswerFeedback SET Reason = @reason, ReasonPromptMessageId = NULL, UpdatedAt = @updatedAt
             WHERE ChatId = @chatId AND ReasonPromptMessageId = @promptMessageId AND UserId = @userId AND Verdict = @notHelpful
            """;
        command.AddParameter("@reason", reason);
        command.AddParameter("@updatedAt", database.Dialect.Timestamp(timeProvider.GetUtcNow()));
        command.AddParameter("@chatId", chatId);
        command.AddParameter("@promptMessageId", promptMessageId);
        command.AddParameter("@userId", userId);
        command.AddParameter("@notHelpful", (int)FeedbackVerdict.NotHelpful);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Whether the answer's SQL is already an example of its database's verified library.</summary>
    public async Task<bool> IsVerifiedAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM VerifiedExamples WHERE SourceConversationId = @conversationId";
        command.AddParameter("@conversationId", conversationId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<FeedbackVerdict?> VerdictOfAsync(DbConnection connection, string conversationId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Verdict FROM AnswerFeedback WHERE ConversationId = @conversationId";
        command.AddParameter("@conversationId", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? (FeedbackVerdict)Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <returns>False when another press inserted the row first (the caller then updates it).</returns>
    private async Task<bool> TryInsertAsync(DbConnection connection, string conversationId, long userId, FeedbackVerdict verdict, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO AnswerFeedback (ConversationId, UserId, Verdict, UpdatedAt)
            VALUES (@conversationId, @userId, @verdict, @updatedAt)
            """;
        command.AddParameter("@conversationId", conversationId);
        command.AddParameter("@userId", userId);
        command.AddParameter("@verdict", (int)verdict);
        command.AddParameter("@updatedAt", database.Dialect.Timestamp(timeProvider.GetUtcNow()));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (DbException)
        {
            // The drivers word a duplicate key differently; that the row exists now is what tells us it was one.
            if (await VerdictOfAsync(connection, conversationId, cancellationToken) is null) throw;
            return false;
        }
    }

    /// <summary>A change to 👍 drops the 👎's reason and any prompt still waiting for one.</summary>
    private async Task<bool> ChangeVerdictAsync(DbConnection connection, string conversationId, FeedbackVerdict verdict, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE AnswerFeedback
               SET Verdict = @verdict, UpdatedAt = @updatedAt,
                   Reason = CASE WHEN @verdict = @helpful THEN NULL ELSE Reason END,
                   ChatId = CASE WHEN @verdict = @helpful THEN NULL ELSE ChatId END,
                   ReasonPromptMessageId = CASE WHEN @verdict = @helpful THEN NULL ELSE ReasonPromptMessageId END
             WHERE ConversationId = @conversationId AND Verdict <> @verdict
            """;
        command.AddParameter("@verdict", (int)verdict);
        command.AddParameter("@helpful", (int)FeedbackVerdict.Helpful);
        command.AddParameter("@updatedAt", database.Dialect.Timestamp(timeProvider.GetUtcNow()));
        command.AddParameter("@conversationId", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
