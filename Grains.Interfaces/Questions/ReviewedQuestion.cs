namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>
/// One question of an organization as its curators review it: what was asked, the SQL that ran, how it ended,
/// how many rows, the asker's verdict and reason, what it cost, and whether it came from (or became) a verified example.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ReviewedQuestion")]
public sealed record ReviewedQuestion(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] long UserId,
    [property: Id(3)] string? DatabaseId,
    [property: Id(4)] string Question,
    [property: Id(5)] string? Sql,
    [property: Id(6)] string Outcome,
    [property: Id(7)] int? ResultRows,
    [property: Id(8)] FeedbackVerdict? Feedback,
    [property: Id(9)] string? FeedbackReason,
    [property: Id(10)] decimal Cost,
    [property: Id(11)] int UnpricedCalls,
    [property: Id(12)] long TotalTokens,
    [property: Id(13)] long? AnsweredFromExampleId,
    [property: Id(14)] long? VerifiedAsExampleId);

/// <summary>Which of an organization's questions to list; every filter is optional.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.QuestionFilter")]
public sealed record QuestionFilter(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] bool NotHelpfulOnly = false,
    [property: Id(3)] bool FailedOnly = false,
    [property: Id(4)] long? UserId = null,
    [property: Id(5)] string? DatabaseId = null,
    [property: Id(6)] int Limit = 100);
