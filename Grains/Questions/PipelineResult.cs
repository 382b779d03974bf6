using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Questions;

/// <summary>The answer and what the ledger must record about it.</summary>
public sealed record PipelineResult(QuestionAnswer Answer, IReadOnlyList<StageRecord> Stages, int? RowCount);
