using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Dashboard.Questions;

/// <summary>
/// One question on the Questions tab: the ledger's facts with the member's and the database's names. <see cref="Cost"/>
/// covers the priced calls only; <see cref="UnpricedCalls"/> had no price in force (show "price unknown", never $0).
/// </summary>
public sealed record ReviewedQuestionView(
    string ConversationId,
    DateTimeOffset StartedAt,
    long UserId,
    string MemberName,
    string? DatabaseId,
    string? DatabaseName,
    string Question,
    string? Sql,
    string Outcome,
    bool Failed,
    int? ResultRows,
    FeedbackVerdict? Feedback,
    string? FeedbackReason,
    decimal Cost,
    int UnpricedCalls,
    long TotalTokens,
    long? AnsweredFromExampleId,
    long? VerifiedAsExampleId)
{
    public static ReviewedQuestionView From(ReviewedQuestion question, string memberName, string? databaseName) => new(
        question.ConversationId, question.StartedAt, question.UserId, memberName, question.DatabaseId, databaseName, question.Question,
        question.Sql, question.Outcome, question.Outcome != nameof(QuestionOutcome.Answered), question.ResultRows, question.Feedback,
        question.FeedbackReason, question.Cost, question.UnpricedCalls, question.TotalTokens, question.AnsweredFromExampleId,
        question.VerifiedAsExampleId);
}
