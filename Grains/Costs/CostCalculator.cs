namespace OrleansAssistant.Grains.Costs;

/// <summary>What a model call cost, as exact decimals.</summary>
public static class CostCalculator
{
    private const decimal TokensPerPriceUnit = 1_000_000m;

    /// <summary>
    /// tokens × price per million / 1,000,000, unrounded; reasoning tokens are billed at the output price, as
    /// the providers bill them. Without a price the call costs nothing here, and the caller records its price
    /// as unknown (<see cref="StageRecord.PriceKnown"/>) so it is never shown as $0.
    /// </summary>
    public static (decimal InputCost, decimal OutputCost) Cost(ModelPrice? price, int inputTokens, int outputTokens, int reasoningTokens = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(outputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(reasoningTokens);
        if (price is null) return (0m, 0m);
        return (inputTokens * price.InputPerMillion / TokensPerPriceUnit,
                ((long)outputTokens + reasoningTokens) * price.OutputPerMillion / TokensPerPriceUnit);
    }
}
