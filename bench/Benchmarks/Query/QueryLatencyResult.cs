namespace OrleansAssistant.Benchmarks.Query;

/// <summary>Guarded queries of one shape against the demo database.</summary>
internal sealed record QueryLatencyResult(
    string Shape,
    int Queries,
    int Users,
    int Concurrency,
    double ElapsedMs,
    double QueriesPerSecond,
    LatencySummary LatencyMs)
{
    public static QueryLatencyResult From(string shape, int users, int concurrency, double[] latencies, double elapsedMs) => new(
        shape, latencies.Length, users, concurrency,
        Math.Round(elapsedMs, 3),
        Math.Round(latencies.Length / (elapsedMs / 1000), 1),
        LatencySummary.Of(latencies));
}
