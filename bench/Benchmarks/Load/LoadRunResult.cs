namespace OrleansAssistant.Benchmarks.Load;

/// <summary>Everything one load run measured.</summary>
/// <param name="ModelMsPerQuestion">Configured latency × model calls per answered question (counted at the fake model).</param>
/// <param name="SqlMs">The model's query run straight against the customer database, one at a time after the load.</param>
/// <param name="OverheadMs">Per answered question: end-to-end minus model time minus the SQL p50.</param>
/// <param name="RssKbPerActiveUser">(silos' average RSS under load − RSS before any user) ÷ users: an upper bound, as it includes the silos' own warm-up.</param>
/// <param name="RssKbPerIdleUserGrain">RSS growth ÷ <see cref="IdleGrainMemory.ExtraUsers"/> users registered and left idle; measured once per cluster, after its last run.</param>
internal sealed record LoadRunResult(
    LoadRunShape Shape,
    string LoadAverageBefore,
    string LoadAverageAfter,
    double SetupSeconds,
    double WindowSeconds,
    IReadOnlyList<ActionResult> Actions,
    double QuestionsPerSecond,
    LatencySummary? EndToEndMs,
    double ModelMsPerQuestion,
    double ModelCallsPerQuestion,
    LatencySummary SqlMs,
    LatencySummary? OverheadMs,
    IReadOnlyList<ProcessUsage> Silos,
    ProcessUsage BenchProcess,
    double SiloCpuPercent,
    double SiloRssMb,
    double MachineBusyPercent,
    double RssKbPerActiveUser,
    double? RssKbPerIdleUserGrain,
    IReadOnlyDictionary<string, long> AppRowsWritten,
    double AppRowsPerSecond,
    double AppRowsPerQuestion,
    IReadOnlyList<string> FailureExamples);
