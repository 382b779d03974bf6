using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Schedules.Runs;

/// <summary>A report's stage-2 sentence and what its model calls cost (<see cref="Stages"/> go to the ledger).</summary>
/// <param name="Hold">The owner's budget reservation, settled once the stages are recorded.</param>
/// <param name="Refusal">Set when the owner's budget is spent: no model was asked, and the rows go out without a sentence.</param>
public sealed record ScheduledSentence(string Text, IReadOnlyList<StageUsage> Usage, IReadOnlyList<StageRecord> Stages, BudgetHold? Hold = null,
    BudgetRefusal? Refusal = null);
