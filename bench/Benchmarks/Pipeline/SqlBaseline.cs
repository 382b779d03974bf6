using OrleansAssistant.Benchmarks.Query;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>
/// The aggregate every benchmark question runs, timed straight through the database grain, so the
/// questions' figures can be split into SQL time and pipeline overhead.
/// </summary>
internal static class SqlBaseline
{
    public const int Queries = 200;
    private const int WarmUpQueries = 20;
    private const string Shape = "aggregate, sales by region (SQL alone)";

    public static async Task<QueryLatencyResult> SequentialAsync(DemoDatabaseAsker asker, long userId, CancellationToken cancellationToken)
    {
        Task Ask(int _) => asker.AskAsync(userId, DemoQueries.SalesByRegion);
        await QueryLoad.SequentialAsync(WarmUpQueries, Ask, cancellationToken);
        var (latencies, elapsed) = await QueryLoad.SequentialAsync(Queries, Ask, cancellationToken);
        return QueryLatencyResult.From(Shape, users: 1, concurrency: 1, latencies, elapsed);
    }

    /// <param name="users">One per worker, as the concurrent questions come from different users.</param>
    public static async Task<QueryLatencyResult> ConcurrentAsync(DemoDatabaseAsker asker, long[] users, CancellationToken cancellationToken)
    {
        Task Ask(int worker, int _) => asker.AskAsync(users[worker], DemoQueries.SalesByRegion);
        await QueryLoad.ConcurrentAsync(users.Length, WarmUpQueries, Ask, cancellationToken);
        var (latencies, elapsed) = await QueryLoad.ConcurrentAsync(users.Length, Queries, Ask, cancellationToken);
        return QueryLatencyResult.From(Shape, users.Length, users.Length, latencies, elapsed);
    }
}
