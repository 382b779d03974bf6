using OrleansAssistant.Benchmarks.Query;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>What the pipeline suite measured: the SQL alone, whole questions, stage 1's prompt size, and Bot API calls per question.</summary>
internal sealed record PipelineResult(
    IReadOnlyList<QueryLatencyResult> SqlBaseline,
    IReadOnlyList<QuestionLatencyResult> Questions,
    IReadOnlyList<PromptSize> PromptSizes,
    IReadOnlyList<BotApiCallsResult> BotApiCalls);
