using Microsoft.Data.Sqlite;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>The pipeline measurements: a single-node silo with "Demo Sales", its model endpoint an in-process fake that answers at once.</summary>
internal static class PipelineSuite
{
    public static async Task<PipelineResult> RunAsync(CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        await using var model = new FakeModelServer();
        await model.StartAsync();
        InstantModel.AnswerEveryRequest(model);
        var sqliteFolder = Path.Combine(folder.Path, "databases");
        try
        {
            return await PortRetry.RunAsync(() => PipelineBenchmark.RunAsync(
                BenchSiloSettings.WithDemoDatabaseAndModel(folder.Path, FreePort.Next(), sqliteFolder, model.BaseUrl), sqliteFolder, model, cancellationToken));
        }
        finally
        {
            // Pooled connections keep the database files open, and Windows cannot delete an open file.
            SqliteConnection.ClearAllPools();
        }
    }
}
