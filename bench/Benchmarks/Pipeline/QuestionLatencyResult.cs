using OrleansAssistant.Benchmarks.Query;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>Questions of one shape through the whole pipeline, beside the SQL time each of them includes.</summary>
/// <param name="SqlP50Ms">The same aggregate straight through the database grain at the same concurrency.</param>
/// <param name="OverheadP50Ms">End-to-end p50 minus <paramref name="SqlP50Ms"/>: what the pipeline adds around the query.</param>
internal sealed record QuestionLatencyResult(
    string Shape,
    int Questions,
    int Users,
    int Concurrency,
    double ElapsedMs,
    double QuestionsPerSecond,
    LatencySummary LatencyMs,
    double SqlP50Ms,
    double OverheadP50Ms)
{
    public static QuestionLatencyResult From(string shape, int users, int concurrency, double[] latencies, double elapsedMs, QueryLatencyResult sql)
    {
        var latency = LatencySummary.Of(latencies);
        return new QuestionLatencyResult(shape, latencies.Length, users, concurrency,
            Math.Round(elapsedMs, 3),
            Math.Round(latencies.Length / (elapsedMs / 1000), 1),
            latency,
            sql.LatencyMs.P50,
            Math.Round(latency.P50 - sql.LatencyMs.P50, 3));
    }
}
