namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>Requests of one shape to one cost endpoint, timed from the client's side of the HTTP connection.</summary>
internal sealed record DashboardLatencyResult(
    string Endpoint,
    string Range,
    int Requests,
    int Concurrency,
    double ElapsedMs,
    double RequestsPerSecond,
    LatencySummary LatencyMs)
{
    public static DashboardLatencyResult From(string endpoint, ReportDays days, int concurrency, double[] latencies, double elapsedMs) => new(
        endpoint, days.Label, latencies.Length, concurrency,
        Math.Round(elapsedMs, 3),
        Math.Round(latencies.Length / (elapsedMs / 1000), 1),
        LatencySummary.Of(latencies));
}
