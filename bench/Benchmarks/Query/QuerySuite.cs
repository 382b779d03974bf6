using Microsoft.Data.Sqlite;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Query;

/// <summary>The query measurements: a single-node silo with embedded storage that generates "Demo Sales" on start.</summary>
internal static class QuerySuite
{
    public static async Task<IReadOnlyList<QueryLatencyResult>> RunAsync(CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        try
        {
            return await PortRetry.RunAsync(() =>
                QueryBenchmark.RunAsync(BenchSiloSettings.WithDemoDatabase(folder.Path, FreePort.Next()), cancellationToken));
        }
        finally
        {
            // Pooled connections keep the demo file open, and Windows cannot delete an open file.
            SqliteConnection.ClearAllPools();
        }
    }
}
