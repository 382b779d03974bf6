using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Storage;

/// <summary>The storage measurements for each back end that can run here.</summary>
internal static class StorageSuite
{
    public const string Sqlite = "sqlite (embedded)";
    public const string PostgreSql = "postgresql (ado.net)";

    public static async Task<IReadOnlyList<StorageResult>> RunSqliteAsync(CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        return await PortRetry.RunAsync(() =>
            StorageBenchmark.RunAsync(Sqlite, BenchSiloSettings.Embedded(folder.Path, FreePort.Next()), cancellationToken));
    }

    public static async Task<IReadOnlyList<StorageResult>> RunPostgresAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        await using var database = await ScratchPostgresDatabase.CreateAsync(serverConnectionString, cancellationToken);
        return await PortRetry.RunAsync(() =>
            StorageBenchmark.RunAsync(PostgreSql, BenchSiloSettings.Postgres(folder.Path, FreePort.Next(), database.ConnectionString), cancellationToken));
    }
}
