using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Questions;

/// <summary>The answer and what the ledger must record about it.</summary>
/// <param name="TurnText">What the conversation window and history keep as the answer when the answer has no text of its own (a template answer).</param>
/// <param name="Hold">The budget's reservation, to settle once the stages are recorded.</param>
public sealed record PipelineResult(QuestionAnswer Answer, IReadOnlyList<StageRecord> Stages, int? RowCount, string? TurnText = null, BudgetHold? Hold = null)
{
    public string RememberedText => TurnText ?? Answer.Text;
}
