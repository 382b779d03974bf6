using OrleansAssistant.Grains.Interfaces.Budgets;
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
    /// <summary>The SQL failed in the database, again after the repair round.</summary>
    QueryFailed = 8,
    /// <summary>
    /// The guard refused the model's SQL (a write, DDL, a forbidden function …), so nothing ran and no
    /// repair was tried. <see cref="QuestionAnswer.Text"/> is the guard's reason, <see cref="QuestionAnswer.Sql"/> what was refused.
    /// </summary>
    QueryRefused = 9,
    /// <summary>A question was running and <c>MaxWaiting</c> more were waiting: this one was not taken.</summary>
    QueueFull = 10,
    /// <summary>A budget is spent: nothing was sent to a model. <see cref="QuestionAnswer.Budget"/> says which, how much and until when.</summary>
    BudgetExhausted = 11,
}

/// <summary>
/// Tokens and cost of one model call. <see cref="OutputTokens"/> is the visible reply, <see cref="ReasoningTokens"/>
/// the model's thinking; <see cref="OutputCost"/> covers both. When <see cref="PriceKnown"/> is false no price was
/// in force for the model: the costs are 0 and must be shown as unknown, never as $0.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.StageUsage")]
public sealed record StageUsage(
    [property: Id(0)] int StageNumber,
    [property: Id(1)] string StageName,
    [property: Id(2)] string Model,
    [property: Id(3)] int InputTokens,
    [property: Id(4)] int OutputTokens,
    [property: Id(5)] decimal InputCost,
    [property: Id(6)] decimal OutputCost,
    [property: Id(7)] TimeSpan Duration,
    [property: Id(8)] int ReasoningTokens = 0,
    [property: Id(9)] bool PriceKnown = true)
{
    public decimal TotalCost => InputCost + OutputCost;

    /// <summary>Everything the call was billed for: input, visible output and reasoning.</summary>
    public int TotalTokens => InputTokens + OutputTokens + ReasoningTokens;
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
/// <see cref="Verified"/> is set when the SQL came from the database's verified library instead of the model.
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
    [property: Id(8)] string? ConversationId = null,
    [property: Id(9)] AnswerChart? Chart = null,
    [property: Id(10)] VerifiedSource? Verified = null,
    [property: Id(11)] BudgetRefusal? Budget = null)
{
    public IReadOnlyList<StageUsage> Usage => Stages ?? [];
    public int InputTokens => Usage.Sum(stage => stage.InputTokens);
    public int OutputTokens => Usage.Sum(stage => stage.OutputTokens);
    public int ReasoningTokens => Usage.Sum(stage => stage.ReasoningTokens);
    public int TotalTokens => Usage.Sum(stage => stage.TotalTokens);

    /// <summary>The cost of the calls that had a price; see <see cref="UnpricedCalls"/>.</summary>
    public decimal TotalCost => Usage.Sum(stage => stage.TotalCost);

    /// <summary>Calls whose model had no price in force: <see cref="TotalCost"/> leaves them out.</summary>
    public int UnpricedCalls => Usage.Count(stage => !stage.PriceKnown);
}
