using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Schedules.Runs;

/// <summary>A report's stage-2 sentence and what its model calls cost (<see cref="Stages"/> go to the ledger).</summary>
public sealed record ScheduledSentence(string Text, IReadOnlyList<StageUsage> Usage, IReadOnlyList<StageRecord> Stages);
