using OrleansAssistant.Benchmarks.Query;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>What the pipeline suite measured: the SQL alone, whole questions, and stage 1's prompt size.</summary>
internal sealed record PipelineResult(
    IReadOnlyList<QueryLatencyResult> SqlBaseline,
    IReadOnlyList<QuestionLatencyResult> Questions,
    IReadOnlyList<PromptSize> PromptSizes);
