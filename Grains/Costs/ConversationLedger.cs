using System.Data.Common;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Batching;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Writes finished questions to the app database: the conversation, its model calls and the chat's
/// memory, all or nothing, in the silo's next group commit; and reads the memory back.
/// </summary>
public sealed partial class ConversationLedger(AppDatabase database, TimeProvider timeProvider, GroupCommit commits)
{
    private readonly DailyCostAggregates _dailyTotals = new(database);

    /// <summary>Turns kept per chat; older ones are deleted as new ones arrive.</summary>
    public const int TurnsPerChat = 1_000;

    /// <summary>
    /// Writes the conversation with its stages and, when given, the chat's new turn in one transaction,
    /// then trims that chat to its newest <see cref="TurnsPerChat"/> turns and adds the question to the daily
    /// cost totals, all in the same transaction; completes once that transaction has committed.
    /// </summary>
    public Task RecordAsync(ConversationRecord conversation, IReadOnlyList<StageRecord> stages, HistoryTurnRecord? turn, CancellationToken cancellationToken) =>
        RecordAsync(conversation, stages, turn, null, cancellationToken);

    /// <inheritdoc cref="RecordAsync(ConversationRecord, IReadOnlyList{StageRecord}, HistoryTurnRecord?, CancellationToken)"/>
    /// <param name="verified">Set when the answer ran a verified example's SQL: recorded in <c>VerifiedAnswers</c> in the same transaction.</param>
    /// <remarks>
    /// The transaction is shared with the other questions finishing at about the same time (<see cref="GroupCommit"/>); a refused
    /// conversation (its id recorded already) fails alone, with the same <see cref="DbException"/> as in a transaction of its own.
    /// </remarks>
    public Task RecordAsync(ConversationRecord conversation, IReadOnlyList<StageRecord> stages, HistoryTurnRecord? turn,
        VerifiedSource? verified, CancellationToken cancellationToken) =>
        RecordAsync(conversation, stages, turn, verified, null, cancellationToken);

    /// <inheritdoc cref="RecordAsync(ConversationRecord, IReadOnlyList{StageRecord}, HistoryTurnRecord?, VerifiedSource?, CancellationToken)"/>
    /// <param name="alongside">Rows written with the conversation or not at all (its activity-log entry), in the same savepoint.</param>
    public Task RecordAsync(ConversationRecord conversation, IReadOnlyList<StageRecord> stages, HistoryTurnRecord? turn,
        VerifiedSource? verified, BatchedWrite? alongside, CancellationToken cancellationToken) =>
        commits.WriteAsync(new ConversationWrite(this, conversation, stages, turn, verified, alongside), cancellationToken);

    /// <summary>The conversation's own rows; the daily totals are added after every question of the batch (<see cref="DailyCostAggregates"/>).</summary>
    private void WriteRows(StatementBatch statements, ConversationRecord conversation, IReadOnlyList<StageRecord> stages,
        HistoryTurnRecord? turn, VerifiedSource? verified)
    {
        InsertConversation(statements, conversation, stages);
        if (verified is not null) InsertVerifiedAnswer(statements, conversation.ConversationId, verified);
        if (conversation.FailedSql is { Length: > 0 } failedSql) InsertFailedQuery(statements, conversation.ConversationId, failedSql);
        foreach (var stage in stages) InsertStage(statements, conversation.ConversationId, stage);
        if (turn is not null)
        {
            InsertTurn(statements, turn);
            TrimChat(statements, turn.ChatId);
        }
    }

    private void InsertConversation(StatementBatch statements, ConversationRecord conversation, IReadOnlyList<StageRecord> stages)
    {
        var command = statements.Add("""
            INSERT INTO Conversations (ConversationId, ChatId, UserId, OrgId, DatabaseId, Question, Way, Status, Answer, Error,
                                       StartedAt, CompletedAt, InputTokens, OutputTokens, InputCost, OutputCost, TotalCost, DurationMs)
            VALUES (@conversationId, @chatId, @userId, @orgId, @databaseId, @question, @way, @status, @answer, @error,
                    @startedAt, @completedAt, @inputTokens, @outputTokens, @inputCost, @outputCost, @totalCost, @durationMs)
            """);
        var totals = StageTotals.Of(stages);
        command.AddParameter("@conversationId", conversation.ConversationId);
        command.AddParameter("@chatId", conversation.ChatId);
        command.AddParameter("@userId", conversation.UserId);
        command.AddParameter("@orgId", conversation.OrgId);
        command.AddParameter("@databaseId", conversation.DatabaseId);
        command.AddParameter("@question", conversation.Question);
        command.AddParameter("@way", conversation.Way);
        command.AddParameter("@status", conversation.Status);
        command.AddParameter("@answer", conversation.Answer);
        command.AddParameter("@error", conversation.Error);
        command.AddParameter("@startedAt", database.Dialect.Timestamp(conversation.StartedAt));
        command.AddParameter("@completedAt", database.Dialect.Timestamp(conversation.CompletedAt ?? timeProvider.GetUtcNow()));
        command.AddParameter("@inputTokens", totals.InputTokens);
        command.AddParameter("@outputTokens", totals.OutputTokens);
        command.AddParameter("@inputCost", totals.InputCost);
        command.AddParameter("@outputCost", totals.OutputCost);
        command.AddParameter("@totalCost", totals.TotalCost);
        command.AddParameter("@durationMs", conversation.DurationMs);
    }

    private void InsertStage(StatementBatch statements, string conversationId, StageRecord stage)
    {
        var command = statements.Add("""
            INSERT INTO ConversationStages (ConversationId, Sequence, StageNumber, StageName, Model, InputTokens, OutputTokens,
                                            InputCost, OutputCost, TotalCost, DurationMs, StartedAt, Succeeded, Error,
                                            ReasoningTokens, PriceKnown)
            VALUES (@conversationId, @sequence, @stageNumber, @stageName, @model, @inputTokens, @outputTokens,
                    @inputCost, @outputCost, @totalCost, @durationMs, @startedAt, @succeeded, @error,
                    @reasoningTokens, @priceKnown)
            """);
        var inputCost = MoneySql.Stored(stage.InputCost);
        var outputCost = MoneySql.Stored(stage.OutputCost);
        command.AddParameter("@conversationId", conversationId);
        command.AddParameter("@sequence", stage.Sequence);
        command.AddParameter("@stageNumber", stage.StageNumber);
        command.AddParameter("@stageName", stage.StageName);
        command.AddParameter("@model", stage.Model);
        command.AddParameter("@inputTokens", stage.InputTokens);
        command.AddParameter("@outputTokens", stage.OutputTokens);
        command.AddParameter("@inputCost", inputCost);
        command.AddParameter("@outputCost", outputCost);
        command.AddParameter("@totalCost", inputCost + outputCost);
        command.AddParameter("@durationMs", stage.DurationMs);
        command.AddParameter("@startedAt", database.Dialect.Timestamp(stage.StartedAt));
        command.AddParameter("@succeeded", stage.Succeeded);
        command.AddParameter("@error", stage.Error);
        command.AddParameter("@reasoningTokens", stage.ReasoningTokens);
        command.AddParameter("@priceKnown", stage.PriceKnown);
    }

    private void InsertTurn(StatementBatch statements, HistoryTurnRecord turn)
    {
        var command = statements.Add("""
            INSERT INTO ConversationTurns (ChatId, UserId, ConversationId, Question, Answer, Sql, ResultRows, Way, CreatedAt)
            VALUES (@chatId, @userId, @conversationId, @question, @answer, @sql, @resultRows, @way, @createdAt)
            """);
        command.AddParameter("@chatId", turn.ChatId);
        command.AddParameter("@userId", turn.UserId);
        command.AddParameter("@conversationId", turn.ConversationId);
        command.AddParameter("@question", turn.Question);
        command.AddParameter("@answer", turn.Answer);
        command.AddParameter("@sql", turn.Sql);
        command.AddParameter("@resultRows", turn.RowCount);
        command.AddParameter("@way", turn.Way);
        command.AddParameter("@createdAt", database.Dialect.Timestamp(turn.CreatedAt));
    }

    private static void TrimChat(StatementBatch statements, long chatId)
    {
        // ROW_NUMBER instead of LIMIT/TOP: the one way to say "beyond the newest N" that all three dialects share.
        var command = statements.Add("""
            DELETE FROM ConversationTurns
             WHERE Id IN (SELECT Id
                            FROM (SELECT Id, ROW_NUMBER() OVER (ORDER BY Id DESC) AS Recency
                                    FROM ConversationTurns
                                   WHERE ChatId = @chatId) AS ranked
                           WHERE Recency > @keep)
            """);
        command.AddParameter("@chatId", chatId);
        command.AddParameter("@keep", TurnsPerChat);
    }
}
