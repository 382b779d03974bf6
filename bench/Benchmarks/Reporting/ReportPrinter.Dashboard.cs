using System.Globalization;
using OrleansAssistant.Benchmarks.Dashboard;

namespace OrleansAssistant.Benchmarks.Reporting;

/// <summary>The dashboard suite's tables.</summary>
internal static partial class ReportPrinter
{
    public static void Print(DashboardResult dashboard)
    {
        var seed = dashboard.Seed;
        Console.WriteLine("Dashboard cost reports over HTTP as the owner, PostgreSQL app database");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ledger: {seed.Conversations:N0} conversations, {seed.Stages:N0} stages; seeded in {seed.InsertAndVacuumMs / 1000:F1} s ({seed.InsertMs / 1000:F1} s INSERT, the rest VACUUM ANALYZE)"));
        var table = new TextTable("endpoint", "range", "requests", "concurrency", "requests/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
        foreach (var result in dashboard.Requests)
        {
            table.Add(result.Endpoint, result.Range, Number(result.Requests), Number(result.Concurrency),
                result.RequestsPerSecond.ToString("F1", CultureInfo.InvariantCulture),
                FineMs(result.LatencyMs.P50), FineMs(result.LatencyMs.P95), FineMs(result.LatencyMs.P99), FineMs(result.LatencyMs.Max));
        }
        table.WriteTo(Console.Out);
        Console.WriteLine("  (80 % of the ledger is this organization's, spread evenly over the last 365 days; each request = rate limit + session + grain call + SQL)");
        foreach (var plan in dashboard.ByModelPlans)
        {
            Console.WriteLine($"  by-model SQL alone, {plan.Range}: EXPLAIN (ANALYZE, BUFFERS) {plan.ExecutionLine}");
        }
        Console.WriteLine();
    }
}
