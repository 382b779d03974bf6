using Microsoft.Data.Sqlite;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>
/// The pipeline measurements: a single-node silo with "Demo Sales", its model endpoint an in-process fake that answers
/// at once, its bot talking to an in-process fake Telegram.
/// </summary>
internal static class PipelineSuite
{
    public static async Task<PipelineResult> RunAsync(CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        await using var model = new FakeModelServer();
        await model.StartAsync();
        InstantModel.AnswerEveryRequest(model);
        // The bot runs in the silo against a fake Telegram that refuses calls beyond Telegram's flood limits.
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.EnforceFloodLimits = true;
        var sqliteFolder = Path.Combine(folder.Path, "databases");
        try
        {
            return await PortRetry.RunAsync(() =>
            {
                var settings = BenchSiloSettings.WithDemoDatabaseAndModel(folder.Path, FreePort.Next(), sqliteFolder, model.BaseUrl);
                settings["Telegram:ApiBaseUrl"] = telegram.BaseUrl;
                settings["Telegram:BotToken"] = telegram.Bot.Token;
                return PipelineBenchmark.RunAsync(settings, sqliteFolder, model, telegram, cancellationToken);
            });
        }
        finally
        {
            // Pooled connections keep the database files open, and Windows cannot delete an open file.
            SqliteConnection.ClearAllPools();
        }
    }
}
