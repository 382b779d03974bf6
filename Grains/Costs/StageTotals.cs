namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Calls, tokens and stored (column-scale) costs of some model calls: a conversation's totals, or one
/// group of its calls in the daily totals. Summed from the stored values, so they equal the stage rows' sums exactly.
/// </summary>
internal sealed record StageTotals(int Calls, int InputTokens, int OutputTokens, decimal InputCost, decimal OutputCost,
                                   int ReasoningTokens, int UnpricedCalls)
{
    public decimal TotalCost => InputCost + OutputCost;

    public static StageTotals Of(IEnumerable<StageRecord> stages)
    {
        var totals = new StageTotals(0, 0, 0, 0m, 0m, 0, 0);
        foreach (var stage in stages)
        {
            totals = new StageTotals(
                totals.Calls + 1,
                checked(totals.InputTokens + stage.InputTokens),
                checked(totals.OutputTokens + stage.OutputTokens),
                totals.InputCost + MoneySql.Stored(stage.InputCost),
                totals.OutputCost + MoneySql.Stored(stage.OutputCost),
                checked(totals.ReasoningTokens + stage.ReasoningTokens),
                totals.UnpricedCalls + (stage.PriceKnown ? 0 : 1));
        }
        return totals;
    }
}
