namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Calls, tokens and stored (column-scale) costs of some model calls: a conversation's totals, or one
/// group of its calls in the daily totals. Summed from the stored values, so they equal the stage rows' sums exactly.
/// </summary>
internal sealed record StageTotals(int Calls, int InputTokens, int OutputTokens, decimal InputCost, decimal OutputCost)
{
    public decimal TotalCost => InputCost + OutputCost;

    public static StageTotals Of(IEnumerable<StageRecord> stages)
    {
        var (calls, inputTokens, outputTokens, inputCost, outputCost) = (0, 0, 0, 0m, 0m);
        foreach (var stage in stages)
        {
            calls++;
            inputTokens = checked(inputTokens + stage.InputTokens);
            outputTokens = checked(outputTokens + stage.OutputTokens);
            inputCost += MoneySql.Stored(stage.InputCost);
            outputCost += MoneySql.Stored(stage.OutputCost);
        }
        return new StageTotals(calls, inputTokens, outputTokens, inputCost, outputCost);
    }
}
