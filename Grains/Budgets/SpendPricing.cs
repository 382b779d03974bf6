using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>What a question's estimate costs with the stage models it will use, at the prices in force.</summary>
public sealed class SpendPricing(PriceBook prices)
{
    /// <returns>0 for a stage whose model has no price: its cost cannot be known, and is recorded as unknown.</returns>
    public async Task<decimal> PriceAsync(StageModels models, SpendEstimate estimate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var summary = CostCalculator.Cost(await prices.PriceAtAsync(models.Summary, at, cancellationToken),
            estimate.SummaryInputTokens, estimate.SummaryOutputTokens);
        var answer = CostCalculator.Cost(await prices.PriceAtAsync(models.Answer, at, cancellationToken),
            estimate.AnswerInputTokens, estimate.AnswerOutputTokens);
        var total = summary.InputCost + summary.OutputCost + answer.InputCost + answer.OutputCost;
        return MoneySql.Stored(total);
    }
}
