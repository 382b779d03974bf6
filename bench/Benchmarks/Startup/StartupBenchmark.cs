using System.Diagnostics;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Startup;

/// <summary>
/// Cold starts of the single-node silo with embedded storage, each in an empty folder so schema
/// creation is part of the figure, as on a user's first run.
/// </summary>
internal static class StartupBenchmark
{
    public const int InProcessRuns = 5;

    public static async Task<StartupResult> RunAsync(CancellationToken cancellationToken)
    {
        var runs = new List<InProcessStart>();
        for (var run = 1; run <= InProcessRuns; run++)
        {
            Console.WriteLine($"  in-process start {run}/{InProcessRuns}");
            runs.Add(await PortRetry.RunAsync(() => StartInProcessAsync(cancellationToken)));
        }
        Console.WriteLine("  process start (dotnet OrleansAssistant.Silo.dll)");
        var process = await PortRetry.RunAsync(() => SiloProcessStart.MeasureAsync(cancellationToken));
        return new StartupResult(
            runs,
            LatencySummary.Of(runs.Select(run => run.StartedMs)),
            LatencySummary.Of(runs.Select(run => run.HealthyMs)),
            Math.Round(process, 3));
    }

    private static async Task<InProcessStart> StartInProcessAsync(CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        var port = FreePort.Next();
        var settings = BenchSiloSettings.Embedded(folder.Path, port);

        var begin = Stopwatch.GetTimestamp();
        await using var silo = await InProcessSilo.StartAsync(settings);
        var started = Timing.MillisecondsSince(begin);
        await HealthProbe.WaitUntilHealthyAsync(BenchSiloSettings.DashboardUrl(port), cancellationToken);
        return new InProcessStart(Math.Round(started, 3), Math.Round(Timing.MillisecondsSince(begin), 3));
    }
}
