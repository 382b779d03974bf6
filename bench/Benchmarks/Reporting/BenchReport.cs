using OrleansAssistant.Benchmarks.Dashboard;
using OrleansAssistant.Benchmarks.Load;
using OrleansAssistant.Benchmarks.Pipeline;
using OrleansAssistant.Benchmarks.Query;
using OrleansAssistant.Benchmarks.Startup;
using OrleansAssistant.Benchmarks.Storage;

namespace OrleansAssistant.Benchmarks.Reporting;

/// <summary>Everything one benchmark run measured, as written to bench/results/.</summary>
internal sealed record BenchReport(
    DateTimeOffset StartedAt,
    string Suite,
    Machine Machine,
    StartupResult? Startup,
    IReadOnlyList<StorageResult> Storage,
    IReadOnlyList<QueryLatencyResult> Query,
    PipelineResult? Pipeline,
    DashboardResult? Dashboard,
    IReadOnlyList<string> NotRun,
    LoadResult? Load = null,
    OpenLoopResult? OpenLoop = null);
