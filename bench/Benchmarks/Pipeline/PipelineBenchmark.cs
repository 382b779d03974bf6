using OrleansAssistant.Benchmarks.Query;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>
/// Whole questions through a started silo with an instant model: rate limit, conversation window,
/// schema, stage 1 over HTTP, the guarded aggregate on "Demo Sales", stage 2 over HTTP, cost ledger.
/// </summary>
internal static class PipelineBenchmark
{
    public const int SequentialQuestions = 300;
    public const int ConcurrentQuestions = 400;
    public const int ConcurrentAskers = 8;
    private const int WarmUpQuestions = 20;
    // Enough users that none asks more than 3 times (the rate limit's burst) within a phase.
    private const int SequentialUsers = 110;
    private const int UsersPerConcurrentAsker = 30;
    private const string WideQuestion = "How many orders did each customer place last month?";

    public static async Task<PipelineResult> RunAsync(
        IReadOnlyDictionary<string, string?> settings, string sqliteFolder, FakeModelServer model, FakeTelegramServer telegram, CancellationToken cancellationToken)
    {
        await using var silo = await InProcessSilo.StartAsync(settings);
        var users = await DemoSalesUsers.RegisterAsync(silo.Grains, SequentialUsers + ConcurrentAskers * UsersPerConcurrentAsker + 2);
        var sequentialUsers = users[..SequentialUsers];
        var concurrentUsers = users[SequentialUsers..^2];
        var (demoProbeUser, wideProbeUser) = (users[^2], users[^1]);

        Console.WriteLine($"  SQL alone: {SqlBaseline.Queries} sales-by-region aggregates through the database grain, 1 and {ConcurrentAskers} at a time");
        var sqlAsker = new DemoDatabaseAsker(silo.Grains);
        var sqlSequential = await SqlBaseline.SequentialAsync(sqlAsker, users[0], cancellationToken);
        var sqlConcurrent = await SqlBaseline.ConcurrentAsync(sqlAsker, concurrentUsers[..ConcurrentAskers], cancellationToken);

        var asker = new QuestionAsker(silo.Grains);
        Console.WriteLine($"  {SequentialQuestions} questions one at a time, spread over {SequentialUsers} users");
        var sequential = await SequentialAsync(asker, new UserRotation(sequentialUsers, workers: 1), sqlSequential, cancellationToken);
        Console.WriteLine($"  {ConcurrentQuestions} questions from {ConcurrentAskers} askers at once, spread over {concurrentUsers.Length} users");
        var concurrent = await ConcurrentAsync(asker, new UserRotation(concurrentUsers, ConcurrentAskers), sqlConcurrent, cancellationToken);

        Console.WriteLine($"  stage 1 prompt size on Demo Sales and on a generated {WideSchemaFile.Tables}-table schema");
        var probe = new PromptSizeProbe(silo.Grains, model);
        var demo = await probe.MeasureAsync(DemoSalesDatabase.DisplayName, DemoSalesDatabase.DatabaseId, demoProbeUser, QuestionAsker.SalesByRegion);
        var wideId = await AddWideDatabaseAsync(silo.Grains, sqliteFolder, wideProbeUser, cancellationToken);
        var wide = await probe.MeasureAsync($"Wide ({WideSchemaFile.Tables} tables)", wideId, wideProbeUser, WideQuestion);

        Console.WriteLine($"  Bot API calls per question: {BotApiCallsProbe.Questions} questions through the bot, one at a time, Telegram's flood limits enforced");
        var bot = new BotApiCallsProbe(silo.Grains, telegram, model);
        var fast = await bot.MeasureAsync("instant model", BotApiCallsProbe.FirstUserOf(0), null, cancellationToken);
        var slow = await bot.MeasureAsync($"stage 1 held {BotApiCallsProbe.SlowStageOne.TotalMilliseconds:0} ms", BotApiCallsProbe.FirstUserOf(1),
            BotApiCallsProbe.SlowStageOne, cancellationToken);

        return new PipelineResult([sqlSequential, sqlConcurrent], [sequential, concurrent], [demo.Selected, wide.Selected, wide.Full], [fast, slow]);
    }

    private static async Task<QuestionLatencyResult> SequentialAsync(
        QuestionAsker asker, UserRotation rotation, QueryLatencyResult sql, CancellationToken cancellationToken)
    {
        Task Ask(int _) => asker.AskAsync(rotation.Next(worker: 0));
        // Compiles the pipeline, the model client and the ledger paths before anything is timed.
        await QueryLoad.SequentialAsync(WarmUpQuestions, Ask, cancellationToken);
        var (latencies, elapsed) = await QueryLoad.SequentialAsync(SequentialQuestions, Ask, cancellationToken);
        return QuestionLatencyResult.From("sales by region, one at a time", SequentialUsers, concurrency: 1, latencies, elapsed, sql);
    }

    private static async Task<QuestionLatencyResult> ConcurrentAsync(
        QuestionAsker asker, UserRotation rotation, QueryLatencyResult sql, CancellationToken cancellationToken)
    {
        Task Ask(int worker, int _) => asker.AskAsync(rotation.Next(worker));
        // Opens the model client's and the databases' connections up to the timed width.
        await QueryLoad.ConcurrentAsync(ConcurrentAskers, WarmUpQuestions, Ask, cancellationToken);
        var (latencies, elapsed) = await QueryLoad.ConcurrentAsync(ConcurrentAskers, ConcurrentQuestions, Ask, cancellationToken);
        return QuestionLatencyResult.From($"sales by region, {ConcurrentAskers} askers at once",
            ConcurrentAskers * UsersPerConcurrentAsker, ConcurrentAskers, latencies, elapsed, sql);
    }

    /// <returns>The new database's id, selected for <paramref name="userId"/>.</returns>
    private static async Task<string> AddWideDatabaseAsync(IGrainFactory grains, string sqliteFolder, long userId, CancellationToken cancellationToken)
    {
        var fileName = await WideSchemaFile.CreateAsync(sqliteFolder, cancellationToken);
        var databases = grains.GetGrain<IDatabasesGrain>(0);
        var added = await databases.AddAsync(userId, "Wide", $"sqlite:///{fileName}");
        if (!added.Succeeded) throw new InvalidOperationException($"Adding the wide database failed: {added.Message}");
        var databaseId = added.Database!.DatabaseId;
        var selected = await databases.SelectAsync(userId, databaseId);
        if (!selected.Succeeded) throw new InvalidOperationException($"Selecting the wide database failed: {selected.Message}");
        return databaseId;
    }
}
