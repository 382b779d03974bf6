using OrleansAssistant.Benchmarks.Storage;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>The dashboard measurements: a PostgreSQL silo in a scratch database on the given server.</summary>
internal static class DashboardSuite
{
    public static async Task<DashboardResult> RunAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        await using var database = await ScratchPostgresDatabase.CreateAsync(serverConnectionString, cancellationToken);
        return await PortRetry.RunAsync(() => DashboardBenchmark.RunAsync(
            DashboardSiloSettings.Postgres(folder.Path, FreePort.Next(), database.ConnectionString), database.ConnectionString, cancellationToken));
    }
}
