namespace OrleansAssistant.Benchmarks.Startup;

/// <summary>One in-process start: from <c>AssistantSilo.Build</c> until started, and until /healthz answered 200.</summary>
internal sealed record InProcessStart(double StartedMs, double HealthyMs);

/// <summary>Start-up figures: repeated in-process starts and one real process start.</summary>
internal sealed record StartupResult(
    IReadOnlyList<InProcessStart> InProcessRuns,
    LatencySummary InProcessStarted,
    LatencySummary InProcessHealthy,
    double ProcessHealthyMs);
