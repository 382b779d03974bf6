using OrleansAssistant.TestSupport;
using System.Globalization;

namespace OrleansAssistant.Benchmarks.Query;

/// <summary>
/// Guarded read-only queries on "Demo Sales" through a started silo: each call checks the asker's
/// access, parses the SQL through the guard and runs it on the SQLite file under the row and time limits.
/// </summary>
internal static class QueryBenchmark
{
    public const int AggregateQueries = 300;
    public const int PointLookups = 500;
    public const int ConcurrentQueries = 400;
    // Each worker asks as its own user: the grain allows at most 10 running queries per user.
    public const int ConcurrentUsers = 8;
    private const int WarmUpQueries = 20;
    // Fixed, so every run looks up the same orders.
    private const int LookupSeed = 20_240_101;

    public static async Task<IReadOnlyList<QueryLatencyResult>> RunAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        await using var silo = await InProcessSilo.StartAsync(settings);
        var users = await BenchUsers.RegisterAsync(silo.Grains, ConcurrentUsers);
        var asker = new DemoDatabaseAsker(silo.Grains);
        var lastOrderId = await LastOrderIdAsync(asker, users[0]);

        Console.WriteLine($"  {AggregateQueries} sales-by-region aggregates, one at a time");
        var aggregate = await SequentialAsync("aggregate, sales by region", asker, users[0], AggregateQueries, _ => DemoQueries.SalesByRegion, cancellationToken);

        Console.WriteLine($"  {PointLookups} order lookups by id, one at a time");
        var random = new Random(LookupSeed);
        var orderIds = Enumerable.Range(0, WarmUpQueries + PointLookups).Select(_ => random.NextInt64(1, lastOrderId + 1)).ToArray();
        var lookup = await SequentialAsync("point lookup, order by id", asker, users[0], PointLookups, i => DemoQueries.OrderById(orderIds[i]), cancellationToken);

        Console.WriteLine($"  {ConcurrentQueries} sales-by-region aggregates from {ConcurrentUsers} users at once");
        var concurrent = await ConcurrentAsync(asker, users, cancellationToken);
        return [aggregate, lookup, concurrent];
    }

    private static async Task<long> LastOrderIdAsync(DemoDatabaseAsker asker, long userId)
    {
        var rows = await asker.AskAsync(userId, DemoQueries.LastOrderId);
        return long.Parse(rows[0][0] ?? throw new InvalidOperationException("The demo database has no orders."), CultureInfo.InvariantCulture);
    }

    /// <param name="sql">The statement for query number i; the warm-up takes the first numbers.</param>
    private static async Task<QueryLatencyResult> SequentialAsync(
        string shape, DemoDatabaseAsker asker, long userId, int count, Func<int, string> sql, CancellationToken cancellationToken)
    {
        // Compiles the grain, guard and driver paths and opens the pooled connection before anything is timed.
        for (var i = 0; i < WarmUpQueries; i++) await asker.AskAsync(userId, sql(i));
        var (latencies, elapsed) = await QueryLoad.SequentialAsync(count, i => asker.AskAsync(userId, sql(WarmUpQueries + i)), cancellationToken);
        return QueryLatencyResult.From(shape, users: 1, concurrency: 1, latencies, elapsed);
    }

    private static async Task<QueryLatencyResult> ConcurrentAsync(DemoDatabaseAsker asker, long[] users, CancellationToken cancellationToken)
    {
        Task Ask(int worker, int _) => asker.AskAsync(users[worker], DemoQueries.SalesByRegion);
        // Brings the connection pool up to the timed width before anything is timed.
        await QueryLoad.ConcurrentAsync(users.Length, WarmUpQueries, Ask, cancellationToken);
        var (latencies, elapsed) = await QueryLoad.ConcurrentAsync(users.Length, ConcurrentQueries, Ask, cancellationToken);
        return QueryLatencyResult.From("aggregate, sales by region", users.Length, users.Length, latencies, elapsed);
    }
}
