namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// One question and its answer in a chat's memory (<c>ConversationTurns</c>): the model's context for
/// the next questions and the lines of /history.
/// </summary>
/// <param name="RowCount">Rows the query returned, when the answer came from one.</param>
/// <param name="Way">How it was answered: an <c>AnswerWay</c> name; <c>None</c> for turns carried over from schema v1.</param>
/// <param name="TotalCost">Read only: the cost of the conversation behind the turn; ignored when writing.</param>
public sealed record HistoryTurnRecord(
    long ChatId,
    long UserId,
    string? ConversationId,
    string Question,
    string Answer,
    string? Sql,
    int? RowCount,
    string Way,
    DateTimeOffset CreatedAt,
    decimal? TotalCost = null);
