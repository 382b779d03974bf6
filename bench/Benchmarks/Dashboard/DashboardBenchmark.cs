using OrleansAssistant.Benchmarks.Query;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>
/// The owner's cost pages over real HTTP on a PostgreSQL silo whose ledger holds a million model calls:
/// each request is the rate limiter, the session check, one grain call and the report's SQL.
/// </summary>
internal static class DashboardBenchmark
{
    public const int Members = 5;
    public const int SequentialRequests = 200;
    public const int Clients = 8;
    public const int RequestsPerClient = 50;
    public const int SecondaryRequests = 50;
    private const int WarmUpRequests = 10;
    // The seed's three Gemini models.
    private const int ModelsInLedger = 3;

    public static async Task<DashboardResult> RunAsync(IReadOnlyDictionary<string, string?> settings, string connectionString, CancellationToken cancellationToken)
    {
        await using var silo = await InProcessSilo.StartAsync(settings);
        var organization = await CostOrganization.CreateAsync(silo.Grains, Members);

        Console.WriteLine($"  seeding {CostLedgerSeed.Conversations:N0} conversations and their model calls");
        var seed = await CostLedgerSeed.RunAsync(connectionString, organization, cancellationToken);
        Console.WriteLine($"  seeded in {seed.InsertAndVacuumMs / 1000:F1} s ({seed.InsertMs / 1000:F1} s inserting): {seed.Conversations:N0} conversations, {seed.Stages:N0} stages");

        using var client = await DashboardClient.LogInAsync(new Uri(settings["Dashboard:Urls"]!), organization.Owner, cancellationToken);
        CostAnswers.ExpectLines(CostPaths.ByModel, await client.GetAsync(ReportDays.Year.Query(CostPaths.ByModel), cancellationToken), ModelsInLedger);
        CostAnswers.ExpectLines(CostPaths.PerUser, await client.GetAsync(ReportDays.Default.Query(CostPaths.PerUser), cancellationToken), Members + 1);
        var requests = new List<DashboardLatencyResult>();
        foreach (var days in new[] { ReportDays.Default, ReportDays.Year })
        {
            Console.WriteLine($"  {SequentialRequests} by-model requests, {days.Label}, one at a time");
            requests.Add(await SequentialAsync(client, CostPaths.ByModel, days, SequentialRequests, cancellationToken));
        }
        Console.WriteLine($"  {Clients} clients x {RequestsPerClient} by-model requests, {ReportDays.Default.Label}");
        requests.Add(await ConcurrentAsync(client, CostPaths.ByModel, ReportDays.Default, cancellationToken));
        foreach (var path in new[] { CostPaths.Overview, CostPaths.PerUser })
        {
            Console.WriteLine($"  {SecondaryRequests} {path} requests, {ReportDays.Default.Label}, one at a time");
            requests.Add(await SequentialAsync(client, path, ReportDays.Default, SecondaryRequests, cancellationToken));
        }

        Console.WriteLine("  EXPLAIN (ANALYZE, BUFFERS) of the by-model SQL");
        var plans = new List<QueryPlan>();
        foreach (var days in new[] { ReportDays.Default, ReportDays.Year })
        {
            plans.Add(await ByModelQueryPlan.ExplainAsync(connectionString, organization.OrgId, days, cancellationToken));
        }
        return new DashboardResult(seed, requests, plans);
    }

    private static async Task<DashboardLatencyResult> SequentialAsync(
        DashboardClient client, string path, ReportDays days, int count, CancellationToken cancellationToken)
    {
        var request = days.Query(path);
        // Compiles the endpoint, grain and driver paths and warms the database's cache before anything is timed.
        for (var i = 0; i < WarmUpRequests; i++) await client.GetAsync(request, cancellationToken);
        var (latencies, elapsed) = await QueryLoad.SequentialAsync(count, _ => client.GetAsync(request, cancellationToken), cancellationToken);
        return DashboardLatencyResult.From(path, days, concurrency: 1, latencies, elapsed);
    }

    private static async Task<DashboardLatencyResult> ConcurrentAsync(DashboardClient client, string path, ReportDays days, CancellationToken cancellationToken)
    {
        var request = days.Query(path);
        Task Get(int worker, int i) => client.GetAsync(request, cancellationToken);
        // Opens as many connections (HTTP and database) as the timed phase uses before anything is timed.
        await QueryLoad.ConcurrentAsync(Clients, Clients, Get, cancellationToken);
        var (latencies, elapsed) = await QueryLoad.ConcurrentAsync(Clients, Clients * RequestsPerClient, Get, cancellationToken);
        return DashboardLatencyResult.From(path, days, Clients, latencies, elapsed);
    }
}
