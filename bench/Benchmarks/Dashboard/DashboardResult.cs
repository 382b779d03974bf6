namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>The dashboard suite: the seeded ledger, the request timings and the by-model query's own plans.</summary>
internal sealed record DashboardResult(
    SeedResult Seed,
    IReadOnlyList<DashboardLatencyResult> Requests,
    IReadOnlyList<QueryPlan> ByModelPlans);
