namespace OrleansAssistant.Gateway.Dashboard.Costs;

public sealed record CostOverviewView(DateTimeOffset From, DateTimeOffset To, long Questions, long ActiveUsers, long InputTokens,
    long OutputTokens, decimal InputCost, decimal OutputCost, decimal TotalCost);

/// <summary>A cost breakdown over [From, To).</summary>
public sealed record CostLines<TLine>(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TLine> Lines);

public sealed record ModelCostView(string Model, long Calls, long InputTokens, long OutputTokens, decimal InputCost, decimal OutputCost, decimal TotalCost);

public sealed record StageCostView(int StageNumber, string StageName, long Calls, long InputTokens, long OutputTokens, decimal InputCost, decimal OutputCost, decimal TotalCost);

public sealed record UserCostView(long UserId, string DisplayName, long Questions, long InputTokens, long OutputTokens, decimal InputCost, decimal OutputCost, decimal TotalCost);

public sealed record InputOutputView(DateTimeOffset From, DateTimeOffset To, long InputTokens, decimal InputCost, long OutputTokens, decimal OutputCost);
