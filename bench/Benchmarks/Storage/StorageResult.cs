namespace OrleansAssistant.Benchmarks.Storage;

/// <summary>Grain state writes of one shape against one storage back end.</summary>
internal sealed record StorageResult(
    string Backend,
    string Shape,
    int Writes,
    int Grains,
    int Concurrency,
    double ElapsedMs,
    double WritesPerSecond,
    LatencySummary LatencyMs)
{
    public static StorageResult From(string backend, string shape, int grains, int concurrency, double[] latencies, double elapsedMs) => new(
        backend, shape, latencies.Length, grains, concurrency,
        Math.Round(elapsedMs, 3),
        Math.Round(latencies.Length / (elapsedMs / 1000), 1),
        LatencySummary.Of(latencies));
}
