namespace OrleansAssistant.Benchmarks.Load;

/// <summary>What one load run simulates: how many users, on how many silos, with how slow a model, against which customer database.</summary>
internal sealed record LoadRunShape(int Users, int Silos, int ModelLatencyMs, CustomerDatabaseKind CustomerDatabase, int Seconds)
{
    public string Label => $"{Silos} silo(s), {ModelLatencyMs} ms model, {CustomerDatabase.ToString().ToLowerInvariant()} customer db";

    /// <summary>1, 2 and 3 silos × 0 and 800 ms × SQLite and PostgreSQL, with the users and seconds of <paramref name="options"/>.</summary>
    public static IReadOnlyList<LoadRunShape> Matrix(LoadOptions options) =>
    [
        .. from silos in new[] { 1, 2, 3 }
           from latency in new[] { 0, 800 }
           from database in new[] { CustomerDatabaseKind.Sqlite, CustomerDatabaseKind.Postgres }
           select new LoadRunShape(options.Users, silos, latency, database, options.Seconds),
    ];
}
