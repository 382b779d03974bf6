using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Llm;

namespace OrleansAssistant.Grains.Questions;

/// <summary>
/// The spending of one question: every model call priced at the price in force when it was made, the stage models its budget
/// chose (the installation's until the budget answers), and the budget's hold to settle once the cost is recorded.
/// </summary>
public sealed class StageMeter(PriceBook prices, StageModels models)
{
    public StageModels Models { get; set; } = models;

    public BudgetHold? Hold { get; set; }


    private readonly List<StageUsage> _usages = [];
    private readonly List<StageRecord> _records = [];

    public IReadOnlyList<StageUsage> Usages => _usages;

    public IReadOnlyList<StageRecord> Records => _records;

    /// <returns>The priced usage, for the stage's span and metrics.</returns>
    public async Task<StageUsage> RecordAsync<T>(int stageNumber, string stageName, ModelReply<T> reply, DateTimeOffset startedAt, bool succeeded, CancellationToken cancellationToken)
    {
        var price = await prices.PriceAtAsync(reply.Model, startedAt, cancellationToken);
        // No price: the call is still recorded with its tokens, its cost marked unknown (PriceBook warns the operator).
        var (inputCost, outputCost) = CostCalculator.Cost(price, reply.InputTokens, reply.OutputTokens, reply.ReasoningTokens);
        var usage = new StageUsage(stageNumber, stageName, reply.Model, reply.InputTokens, reply.OutputTokens, inputCost, outputCost, reply.Duration,
                                   reply.ReasoningTokens, PriceKnown: price is not null);
        _usages.Add(usage);
        _records.Add(StageRecord.From(usage, _records.Count + 1, startedAt, succeeded, succeeded ? null : reply.ParseError));
        return usage;
    }
}
