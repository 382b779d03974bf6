namespace OrleansAssistant.Gateway.Dashboard.Costs;

/// <summary>A cost breakdown over [From, To).</summary>
public sealed record CostLines<TLine>(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TLine> Lines);

public sealed record UserCostView(long UserId, string DisplayName, long Questions, long InputTokens, long OutputTokens, decimal InputCost, decimal OutputCost, decimal TotalCost);

public sealed record InputOutputView(DateTimeOffset From, DateTimeOffset To, long InputTokens, decimal InputCost, long OutputTokens, decimal OutputCost);
