namespace OrleansAssistant.Benchmarks.Verified;

/// <summary>One pass of the workload: what the answers cost and how long they took.</summary>
/// <param name="TokensPerQuestion">Mean tokens billed per question (input, output and reasoning of every model call).</param>
/// <param name="RepeatTokensPerQuestion">The same, over the questions that repeat a verified one (<see cref="OtherTokensPerQuestion"/>: the rest).</param>
/// <param name="FromLibrary">Answers that ran a verified example's SQL instead of stage 1.</param>
/// <param name="TokensSavedEstimate">The pipeline's own estimate of the stage-1 tokens those answers spared.</param>
internal sealed record VerifiedBenchmarkRun(
    string Label,
    int Questions,
    double TokensPerQuestion,
    int StageOneCalls,
    int ModelCalls,
    int FromLibrary,
    long TokensSavedEstimate,
    double RepeatTokensPerQuestion,
    double OtherTokensPerQuestion,
    LatencySummary All,
    LatencySummary Repeats,
    LatencySummary Others);
