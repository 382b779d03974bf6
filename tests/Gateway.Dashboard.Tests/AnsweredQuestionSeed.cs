using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>An answered question with its SQL, written to the ledger as the user grain writes it, for the answer downloads and the Questions tab.</summary>
public static class AnsweredQuestionSeed
{
    /// <param name="outcome">How it ended; an answered question keeps its SQL and rows in a chat turn, another its SQL alone, as in the pipeline.</param>
    /// <param name="stages">Its model calls (none by default).</param>
    /// <returns>The conversation id.</returns>
    public static async Task<string> RecordAsync(this DashboardHost host, long userId, string orgId, string databaseId, string question, string sql,
        DateTimeOffset? startedAt = null, QuestionOutcome outcome = QuestionOutcome.Answered, IReadOnlyList<StageRecord>? stages = null, int rows = 1)
    {
        var conversationId = $"tg_{userId}_{Random.Shared.Next(1, 1_000_000)}";
        var at = startedAt ?? host.Clock.GetUtcNow();
        var answered = outcome == QuestionOutcome.Answered;
        await host.Services.GetRequiredService<ConversationLedger>().RecordAsync(
            new ConversationRecord(conversationId, userId, userId, orgId, databaseId, question, "SqlQuery", outcome.ToString(),
                answered ? "Here they are." : null, answered ? null : "The query failed.", at, at, 10, answered ? null : sql),
            stages ?? [],
            answered ? new HistoryTurnRecord(userId, userId, conversationId, question, "Here they are.", sql, rows, "SqlQuery", at) : null,
            CancellationToken.None);
        return conversationId;
    }

    /// <summary>Marks an answer as one that ran a verified example's SQL instead of asking stage 1, as a row of <c>VerifiedAnswers</c>.</summary>
    public static async Task RecordVerifiedAnswerAsync(this DashboardHost host, string conversationId, long exampleId, int tokensSaved)
    {
        var database = host.Services.GetRequiredService<AppDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO VerifiedAnswers (ConversationId, ExampleId, Mode, TokensSaved) VALUES (@conversationId, @exampleId, 'Summary', @tokensSaved)";
        command.AddParameter("@conversationId", conversationId);
        command.AddParameter("@exampleId", exampleId);
        command.AddParameter("@tokensSaved", tokensSaved);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The asker's 👍 or 👎 (with its reason) on an answer, as a row of <c>AnswerFeedback</c>.</summary>
    public static async Task RecordFeedbackAsync(this DashboardHost host, string conversationId, long userId, FeedbackVerdict verdict, string? reason = null)
    {
        var database = host.Services.GetRequiredService<AppDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO AnswerFeedback (ConversationId, UserId, Verdict, Reason, ChatId, ReasonPromptMessageId, UpdatedAt)
            VALUES (@conversationId, @userId, @verdict, @reason, @userId, NULL, @updatedAt)
            """;
        command.AddParameter("@conversationId", conversationId);
        command.AddParameter("@userId", userId);
        command.AddParameter("@verdict", (int)verdict);
        command.AddParameter("@reason", reason);
        command.AddParameter("@updatedAt", database.Dialect.Timestamp(host.Clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync();
    }
}
