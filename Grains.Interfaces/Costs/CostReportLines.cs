namespace OrleansAssistant.Grains.Interfaces.Costs;

// In every line: OutputTokens are the visible replies and ReasoningTokens the models' thinking, both billed in
// OutputCost; the costs cover the priced calls only, and UnpricedCalls counts the calls whose model had no
// price in force (show "price unknown", never $0).

/// <summary>
/// All questions of an organization over [From, To). <see cref="VerifiedAnswers"/> of them ran a verified example's SQL
/// without stage 1; <see cref="TokensSaved"/> estimates the stage-1 tokens that spared.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.CostOverview")]
public sealed record CostOverview(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] long Questions,
    [property: Id(3)] long ActiveUsers,
    [property: Id(4)] long InputTokens,
    [property: Id(5)] long OutputTokens,
    [property: Id(6)] decimal InputCost,
    [property: Id(7)] decimal OutputCost,
    [property: Id(8)] decimal TotalCost,
    [property: Id(9)] long ReasoningTokens = 0,
    [property: Id(10)] long UnpricedCalls = 0,
    [property: Id(11)] long VerifiedAnswers = 0,
    [property: Id(12)] long TokensSaved = 0);

[GenerateSerializer, Immutable, Alias("OrleansAssistant.ModelCostLine")]
public sealed record ModelCostLine(
    [property: Id(0)] string Model,
    [property: Id(1)] long Calls,
    [property: Id(2)] long InputTokens,
    [property: Id(3)] long OutputTokens,
    [property: Id(4)] decimal InputCost,
    [property: Id(5)] decimal OutputCost,
    [property: Id(6)] decimal TotalCost,
    [property: Id(7)] long ReasoningTokens = 0,
    [property: Id(8)] long UnpricedCalls = 0);

/// <summary>The calls of one pipeline stage (a SQL repair round counts as a call of its stage).</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.StageCostLine")]
public sealed record StageCostLine(
    [property: Id(0)] int StageNumber,
    [property: Id(1)] string StageName,
    [property: Id(2)] long Calls,
    [property: Id(3)] long InputTokens,
    [property: Id(4)] long OutputTokens,
    [property: Id(5)] decimal InputCost,
    [property: Id(6)] decimal OutputCost,
    [property: Id(7)] decimal TotalCost,
    [property: Id(8)] long ReasoningTokens = 0,
    [property: Id(9)] long UnpricedCalls = 0);

[GenerateSerializer, Immutable, Alias("OrleansAssistant.UserCostLine")]
public sealed record UserCostLine(
    [property: Id(0)] long UserId,
    [property: Id(1)] long Questions,
    [property: Id(2)] long InputTokens,
    [property: Id(3)] long OutputTokens,
    [property: Id(4)] decimal InputCost,
    [property: Id(5)] decimal OutputCost,
    [property: Id(6)] decimal TotalCost,
    [property: Id(7)] long ReasoningTokens = 0,
    [property: Id(8)] long UnpricedCalls = 0);

/// <summary>Tokens and cost of what was sent to the models against what came back.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.InputOutputCost")]
public sealed record InputOutputCost(
    [property: Id(0)] long InputTokens,
    [property: Id(1)] decimal InputCost,
    [property: Id(2)] long OutputTokens,
    [property: Id(3)] decimal OutputCost,
    [property: Id(4)] long ReasoningTokens = 0,
    [property: Id(5)] long UnpricedCalls = 0);
