namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>How long filling the cost ledger took, and what it holds afterwards.</summary>
internal sealed record SeedResult(long Conversations, long Stages, double InsertMs, double InsertAndVacuumMs);
