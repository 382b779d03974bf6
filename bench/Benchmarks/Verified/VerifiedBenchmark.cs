using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Verified;

/// <summary>
/// The same workload on "Demo Sales" three times: with an empty library, then with 50 verified examples (Summary mode:
/// a repeat skips stage 1), then, on a silo restarted over the same data, in Template mode (a repeat calls no model).
/// Every question comes from a fresh user, so no rate limit or conversation window shapes the figures.
/// </summary>
internal static class VerifiedBenchmark
{
    private const int Askers = 10;
    private const int WarmUpQuestions = 10;
    // Far above real Telegram ids and apart from the other suites' bench users.
    private const long AdminId = 9_300_000_000;
    private const long FirstAskerId = 9_300_000_001;

    public static async Task<IReadOnlyList<VerifiedBenchmarkRun>> RunAsync(VerifiedBenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        await using var model = new VerifiedBenchmarkModel(options);
        await model.StartAsync();
        var examples = VerifiedBenchmarkWorkload.Examples();
        var questions = VerifiedBenchmarkWorkload.Questions(examples, options.Questions);
        var nextUserId = FirstAskerId;
        var runs = new List<VerifiedBenchmarkRun>();
        try
        {
            await using (var silo = await InProcessSilo.StartAsync(Settings(folder.Path, model, "Summary")))
            {
                runs.Add(await MeasureAsync("without the library", silo.Grains, questions, nextUserId, cancellationToken));
                nextUserId += questions.Count + WarmUpQuestions;
                Console.WriteLine($"  verifying {examples.Count} examples on {DemoSalesDatabase.DisplayName} as an administrator");
                await VerifyAsync(silo.Grains, examples);
                runs.Add(await MeasureAsync("with the library, Summary mode", silo.Grains, questions, nextUserId, cancellationToken));
                nextUserId += questions.Count + WarmUpQuestions;
            }
            await using (var silo = await InProcessSilo.StartAsync(Settings(folder.Path, model, "Template")))
            {
                runs.Add(await MeasureAsync("with the library, Template mode", silo.Grains, questions, nextUserId, cancellationToken));
            }
        }
        finally
        {
            // Pooled connections keep the database files open, and Windows cannot delete an open file.
            SqliteConnection.ClearAllPools();
        }
        return runs;
    }

    private static Dictionary<string, string?> Settings(string dataDirectory, VerifiedBenchmarkModel model, string mode)
    {
        var settings = BenchSiloSettings.WithDemoDatabaseAndModel(dataDirectory, FreePort.Next(), Path.Combine(dataDirectory, "databases"), model.BaseUrl);
        settings["Admin:TelegramIds"] = AdminId.ToString(CultureInfo.InvariantCulture);
        settings["Answers:VerifiedAnswerMode"] = mode;
        return settings;
    }

    private static async Task VerifyAsync(IGrainFactory grains, IReadOnlyList<(string Question, string Sql)> examples)
    {
        await grains.GetGrain<IUserGrain>(AdminId).RegisterAsync(new TelegramProfile(AdminId, "bench_admin", "Bench admin", null, "en"));
        var admin = await grains.GetGrain<IUserGrain>(AdminId).GetPrincipalAsync()
            ?? throw new InvalidOperationException("The benchmark's administrator is not registered.");
        var library = grains.GetGrain<IVerifiedQueriesGrain>(VerifiedQueryKeys.KeyOf(DemoSalesDatabase.DatabaseId));
        foreach (var (question, sql) in examples)
        {
            var result = await library.VerifyAsync(admin, new ExampleDraft(question, sql));
            if (!result.Succeeded) throw new InvalidOperationException($"Verifying \"{question}\" failed: {result.Status} {result.Problem}");
        }
    }

    private static async Task<VerifiedBenchmarkRun> MeasureAsync(string label, IGrainFactory grains, IReadOnlyList<(string Question, bool Repeat)> questions,
        long firstUserId, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  {label}: {questions.Count} questions, {Askers} at a time, each from a fresh user");
        var users = await RegisterAsync(grains, firstUserId, questions.Count + WarmUpQuestions);
        // Compiles the paths before anything is timed; these questions are not repeats.
        await AskAllAsync(grains, users[questions.Count..], [.. Enumerable.Range(1, WarmUpQuestions).Select(i => ($"Warm-up question {i}", false))], cancellationToken);
        var (answers, milliseconds) = await AskAllAsync(grains, users, questions, cancellationToken);
        var calls = answers.SelectMany(answer => answer.Usage).ToArray();
        return new VerifiedBenchmarkRun(label, questions.Count,
            answers.Average(answer => (double)answer.TotalTokens),
            calls.Count(call => call.StageNumber == 1),
            calls.Length,
            answers.Count(answer => answer.Verified is not null),
            answers.Sum(answer => (long)(answer.Verified?.TokensSaved ?? 0)),
            answers.Where((_, i) => questions[i].Repeat).Average(answer => (double)answer.TotalTokens),
            answers.Where((_, i) => !questions[i].Repeat).Average(answer => (double)answer.TotalTokens),
            LatencySummary.Of(milliseconds),
            LatencySummary.Of(milliseconds.Where((_, i) => questions[i].Repeat)),
            LatencySummary.Of(milliseconds.Where((_, i) => !questions[i].Repeat)));
    }

    /// <summary>Question i is asked by user i; <see cref="Askers"/> questions are open at any time.</summary>
    private static async Task<(QuestionAnswer[] Answers, double[] Milliseconds)> AskAllAsync(IGrainFactory grains, long[] users,
        IReadOnlyList<(string Question, bool Repeat)> questions, CancellationToken cancellationToken)
    {
        var answers = new QuestionAnswer[questions.Count];
        var milliseconds = new double[questions.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Askers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < questions.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                var answer = await grains.GetGrain<IUserGrain>(users[i]).AskAsync(users[i], questions[i].Question);
                milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (answer.Outcome != QuestionOutcome.Answered) throw new InvalidOperationException($"\"{questions[i].Question}\": {answer.Outcome} {answer.Text}");
                answers[i] = answer;
            }
        }));
        return (answers, milliseconds);
    }

    private static async Task<long[]> RegisterAsync(IGrainFactory grains, long firstId, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => firstId + i).ToArray();
        var databases = grains.GetGrain<IDatabasesGrain>(0);
        foreach (var id in ids)
        {
            await grains.GetGrain<IUserGrain>(id).RegisterAsync(new TelegramProfile(id, "bench", "Bench", null, "en"));
            var selected = await databases.SelectAsync(id, DemoSalesDatabase.DatabaseId);
            if (!selected.Succeeded) throw new InvalidOperationException($"Selecting Demo Sales failed: {selected.Message}");
        }
        return ids;
    }
}
