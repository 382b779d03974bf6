namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// One question as the <c>Conversations</c> table keeps it. Its token and cost totals are not part
/// of it: the ledger sums them from the stages, so they cannot disagree.
/// </summary>
/// <param name="Way">How it was answered: an <c>AnswerWay</c> name.</param>
/// <param name="Status">How it ended: a <c>QuestionOutcome</c> name.</param>
/// <param name="CompletedAt">When it ended; the ledger stamps the time of recording when absent.</param>
/// <param name="FailedSql">The SQL of a question that ended without an answer (refused or failed), kept for review.</param>
public sealed record ConversationRecord(
    string ConversationId,
    long ChatId,
    long UserId,
    string? OrgId,
    string? DatabaseId,
    string Question,
    string Way,
    string Status,
    string? Answer,
    string? Error,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    int DurationMs,
    string? FailedSql = null);
