using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Interfaces.Questions;

[GenerateSerializer, Alias("OrleansAssistant.QuestionOutcome")]
public enum QuestionOutcome
{
    Answered = 0,
    /// <summary>Asked too fast; <see cref="QuestionAnswer.RetryAfter"/> says when to try again.</summary>
    RateLimited = 1,
    // 2 was "still working": a question sent while another runs now waits in line (see QueueFull).
    NotRegistered = 3,
    NoDatabase = 4,
    ModelNotConfigured = 5,
    /// <summary>The model could not be reached or kept failing.</summary>
    ModelFailed = 6,
    DatabaseUnavailable = 7,
    /// <summary>The SQL could not be made to work (refused, or failed again after the repair round).</summary>
    QueryFailed = 8,
    /// <summary>A question was running and <c>MaxWaiting</c> more were waiting: this one was not taken.</summary>
    QueueFull = 9,
}

/// <summary>Tokens and cost of one model call.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.StageUsage")]
public sealed record StageUsage(
    [property: Id(0)] int StageNumber,
    [property: Id(1)] string StageName,
    [property: Id(2)] string Model,
    [property: Id(3)] int InputTokens,
    [property: Id(4)] int OutputTokens,
    [property: Id(5)] decimal InputCost,
    [property: Id(6)] decimal OutputCost,
    [property: Id(7)] TimeSpan Duration)
{
    public decimal TotalCost => InputCost + OutputCost;
}

/// <summary>An e-mail the model drafted; shown as a preview, sent only when the user confirms.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.EmailDraft")]
public sealed record EmailDraft(
    [property: Id(0)] IReadOnlyList<string> To,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Body);

/// <summary>
/// The reply to a question: the answer text (or why there is none), how it was found, the rows
/// behind it, an e-mail draft when asked for, and the tokens and cost of every stage.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.QuestionAnswer")]
public sealed record QuestionAnswer(
    [property: Id(0)] QuestionOutcome Outcome,
    [property: Id(1)] string Text,
    [property: Id(2)] AnswerWay Way = AnswerWay.None,
    [property: Id(3)] string? Sql = null,
    [property: Id(4)] QueryResult? Rows = null,
    [property: Id(5)] EmailDraft? Email = null,
    [property: Id(6)] IReadOnlyList<StageUsage>? Stages = null,
    [property: Id(7)] TimeSpan? RetryAfter = null,
    [property: Id(8)] string? ConversationId = null)
{
    public IReadOnlyList<StageUsage> Usage => Stages ?? [];
    public int InputTokens => Usage.Sum(stage => stage.InputTokens);
    public int OutputTokens => Usage.Sum(stage => stage.OutputTokens);
    public decimal TotalCost => Usage.Sum(stage => stage.TotalCost);
}
