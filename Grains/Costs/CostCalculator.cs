namespace OrleansAssistant.Grains.Costs;

/// <summary>What a model call cost, as exact decimals.</summary>
public static class CostCalculator
{
    private const decimal TokensPerPriceUnit = 1_000_000m;

    /// <summary>
    /// tokens × price per million / 1,000,000, unrounded. An unknown model (no price) costs 0; the
    /// caller logs it, since it knows which question and stage it was.
    /// </summary>
    public static (decimal InputCost, decimal OutputCost) Cost(ModelPrice? price, int inputTokens, int outputTokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(outputTokens);
        if (price is null) return (0m, 0m);
        return (inputTokens * price.InputPerMillion / TokensPerPriceUnit,
                outputTokens * price.OutputPerMillion / TokensPerPriceUnit);
    }
}
