using System.Globalization;
using OrleansAssistant.Benchmarks.Query;
using OrleansAssistant.Benchmarks.Startup;
using OrleansAssistant.Benchmarks.Storage;

namespace OrleansAssistant.Benchmarks.Reporting;

/// <summary>The figures as plain tables on standard output.</summary>
internal static partial class ReportPrinter
{
    public static void Print(Machine machine)
    {
        Console.WriteLine("Machine");
        Console.WriteLine($"  processors    {machine.ProcessorCount} ({machine.Processor}, {machine.Architecture})");
        Console.WriteLine($"  os            {machine.OperatingSystem}");
        Console.WriteLine($"  .net          {machine.Runtime}, {machine.GarbageCollector} gc, {machine.BuildConfiguration} build");
        Console.WriteLine();
    }

    public static void Print(StartupResult startup)
    {
        Console.WriteLine("Startup, single-node silo with embedded storage, empty folder (ms)");
        var table = new TextTable("measure", "runs", "first", "min", "median", "max");
        table.Add(Row("in-process: Build + StartAsync", startup.InProcessRuns.Count, startup.InProcessRuns[0].StartedMs, startup.InProcessStarted));
        table.Add(Row("in-process: until /healthz 200", startup.InProcessRuns.Count, startup.InProcessRuns[0].HealthyMs, startup.InProcessHealthy));
        table.Add("process: dotnet Silo.dll until /healthz 200", "1", Ms(startup.ProcessHealthyMs), "", "", "");
        table.WriteTo(Console.Out);
        Console.WriteLine("  (the first in-process run pays JIT compilation; later ones reuse the warm benchmark process)");
        Console.WriteLine();
    }

    public static void Print(IReadOnlyList<StorageResult> storage)
    {
        Console.WriteLine("Storage, ICounterGrain.Add = one grain state write, called inside the silo");
        var table = new TextTable("backend", "shape", "writes", "concurrency", "writes/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
        foreach (var result in storage)
        {
            table.Add(result.Backend, result.Shape, Number(result.Writes), Number(result.Concurrency),
                result.WritesPerSecond.ToString("F0", CultureInfo.InvariantCulture),
                Ms(result.LatencyMs.P50), Ms(result.LatencyMs.P95), Ms(result.LatencyMs.P99), Ms(result.LatencyMs.Max));
        }
        table.WriteTo(Console.Out);
        Console.WriteLine();
    }

    public static void Print(IReadOnlyList<QueryLatencyResult> queries)
    {
        Console.WriteLine("Queries, IDatabaseConnectionGrain.QueryAsync on Demo Sales (SQLite) = access check + SQL guard + run, called inside the silo");
        var table = new TextTable("shape", "queries", "concurrency", "queries/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
        foreach (var result in queries)
        {
            table.Add(result.Shape, Number(result.Queries), Number(result.Concurrency),
                result.QueriesPerSecond.ToString("F0", CultureInfo.InvariantCulture),
                FineMs(result.LatencyMs.P50), FineMs(result.LatencyMs.P95), FineMs(result.LatencyMs.P99), FineMs(result.LatencyMs.Max));
        }
        table.WriteTo(Console.Out);
        Console.WriteLine($"  (concurrent queries ask as {QueryBenchmark.ConcurrentUsers} different users, one query in flight each)");
        Console.WriteLine();
    }

    private static string[] Row(string measure, int runs, double first, LatencySummary summary) =>
        [measure, Number(runs), Ms(first), Ms(summary.Min), Ms(summary.P50), Ms(summary.Max)];

    private static string Ms(double milliseconds) => milliseconds.ToString("F1", CultureInfo.InvariantCulture);

    // Point lookups take a few hundredths of a millisecond; one decimal would print them all as 0.0.
    private static string FineMs(double milliseconds) => milliseconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
