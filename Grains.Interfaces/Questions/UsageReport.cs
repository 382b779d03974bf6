namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>
/// Calls, tokens and cost under one label (a model, or a stage). <see cref="Cost"/> covers the priced calls only;
/// <see cref="UnpricedCalls"/> had no price in force.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.UsageLine")]
public sealed record UsageLine(
    [property: Id(0)] string Label,
    [property: Id(1)] long Calls,
    [property: Id(2)] long InputTokens,
    [property: Id(3)] long OutputTokens,
    [property: Id(4)] decimal Cost,
    [property: Id(5)] long ReasoningTokens = 0,
    [property: Id(6)] long UnpricedCalls = 0);

/// <summary>
/// Someone's questions, tokens and cost over [From, To), in total and by model and stage. <see cref="VerifiedAnswers"/>
/// of the questions ran a verified example's SQL without stage 1; <see cref="TokensSaved"/> estimates what that spared.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.UsageReport")]
public sealed record UsageReport(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] long Questions,
    [property: Id(3)] long InputTokens,
    [property: Id(4)] long OutputTokens,
    [property: Id(5)] decimal Cost,
    [property: Id(6)] IReadOnlyList<UsageLine> ByModel,
    [property: Id(7)] IReadOnlyList<UsageLine> ByStage,
    [property: Id(8)] long ReasoningTokens = 0,
    [property: Id(9)] long UnpricedCalls = 0,
    [property: Id(10)] long VerifiedAnswers = 0,
    [property: Id(11)] long TokensSaved = 0);

/// <summary>One past question for /history, with its model calls (none for turns without a recorded conversation).</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.HistoryEntry")]
public sealed record HistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Question,
    [property: Id(2)] string Answer,
    [property: Id(3)] string Way,
    [property: Id(4)] decimal? Cost,
    [property: Id(5)] IReadOnlyList<StageUsage>? Stages = null,
    [property: Id(6)] string? ConversationId = null,
    [property: Id(7)] bool HasRows = false)
{
    /// <summary>Calls whose model had no price in force: <see cref="Cost"/> leaves them out.</summary>
    public int UnpricedCalls => Stages?.Count(stage => !stage.PriceKnown) ?? 0;
}
