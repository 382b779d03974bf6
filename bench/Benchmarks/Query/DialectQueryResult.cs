namespace OrleansAssistant.Benchmarks.Query;

/// <summary>One demo query's latencies through the guarded runner on SQLite and, when a server was given, on MySQL / MariaDB.</summary>
internal sealed record DialectQueryResult(string Shape, LatencySummary Sqlite, LatencySummary? MySql);
