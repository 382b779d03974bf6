namespace OrleansAssistant.Gateway.Dashboard.Costs;

/// <summary>A cost breakdown over [From, To).</summary>
public sealed record CostLines<TLine>(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TLine> Lines);

// As in the grain's lines: costs cover the priced calls only, UnpricedCalls the calls whose model had no price.

public sealed record UserCostView(long UserId, string DisplayName, long Questions, long InputTokens, long OutputTokens, decimal InputCost, decimal OutputCost,
                                  decimal TotalCost, long ReasoningTokens, long UnpricedCalls);

public sealed record InputOutputView(DateTimeOffset From, DateTimeOffset To, long InputTokens, decimal InputCost, long OutputTokens, decimal OutputCost,
                                     long ReasoningTokens, long UnpricedCalls);
