using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OrleansAssistant.Benchmarks.Pipeline;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Benchmarks.Schedules;

/// <summary>
/// Many schedules due in the same minute on one silo (embedded storage, Template messages so no model is called at run time):
/// how fast they are made, and when the last one's notice is ready for the gateways. Owners keep the default limit of 20
/// schedules each, so the owners' query slots (10 at a time per person) are shared as in real use. Each notice is taken
/// through <see cref="IScheduleNoticesGrain"/> as a gateway would, and counted once.
/// </summary>
internal static class ScheduleBenchmark
{
    private const long FirstOwnerId = 9_400_000_000;
    private const int SchedulesPerOwner = 20;
    private const int CreatorsAtOnce = 16;
    private const int AskersAtOnce = 10;
    // Room to create every schedule before the minute they share comes round: a minute, and 15 ms a schedule.
    private static TimeSpan Lead(int count) => TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(15.0 * count);
    private static readonly TimeSpan DeliveryLimit = TimeSpan.FromMinutes(10);

    public static async Task<ScheduleBenchmarkResult> RunAsync(int count, CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        await using var model = new FakeModelServer();
        await model.StartAsync();
        InstantModel.AnswerEveryRequest(model);
        try
        {
            await using var silo = await InProcessSilo.StartAsync(Settings(folder.Path, model.BaseUrl));
            var ownerCount = (count + SchedulesPerOwner - 1) / SchedulesPerOwner;
            Console.WriteLine($"  {ownerCount:N0} owners each asking the question their schedules are made from");
            var owners = new (Principal Owner, string ConversationId)[ownerCount];
            var nextOwner = -1;
            // A few at a time, as people ask: hundreds of questions at once would wait out the call timeout in the line.
            await Task.WhenAll(Enumerable.Range(0, AskersAtOnce).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref nextOwner)) < ownerCount) owners[i] = await AnswerOneQuestionAsync(silo.Grains, FirstOwnerId + i);
            }));

            var due = NextWholeMinute(DateTimeOffset.UtcNow + Lead(count));
            var rhythm = ScheduleRhythm.Cron(string.Create(CultureInfo.InvariantCulture, $"{due.Minute} {due.Hour} * * *"), "UTC");
            Console.WriteLine($"  creating {count:N0} schedules, all due at {due:HH:mm} UTC");
            var creating = Stopwatch.StartNew();
            await CreateAsync(silo.Grains, owners, rhythm, count, cancellationToken);
            var creation = creating.Elapsed;
            if (DateTimeOffset.UtcNow >= due) throw new InvalidOperationException($"Creating took {creation.TotalSeconds:0} s, past the shared due minute; lower --schedules.");

            Console.WriteLine($"  made in {creation.TotalSeconds:0.0} s; waiting for {due:HH:mm} UTC and taking the notices as a gateway would");
            var lateness = await TakeNoticesAsync(silo.Grains, count, due, cancellationToken);
            var (ran, lastFinished) = await RunsAsync(folder.Path, cancellationToken);
            return new ScheduleBenchmarkResult(count, creation, ran, lastFinished - due, lateness.Count,
                lateness.Count == 0 ? null : LatencySummary.Of(lateness.Select(late => late.TotalMilliseconds)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static Dictionary<string, string?> Settings(string dataDirectory, Uri modelBaseUrl)
    {
        var settings = BenchSiloSettings.WithDemoDatabaseAndModel(dataDirectory, FreePort.Next(), Path.Combine(dataDirectory, "databases"), modelBaseUrl);
        settings["Schedules:Message"] = "Template";
        return settings;
    }

    private static async Task<(Principal Owner, string ConversationId)> AnswerOneQuestionAsync(IGrainFactory grains, long ownerId)
    {
        var user = grains.GetGrain<IUserGrain>(ownerId);
        await user.RegisterAsync(new TelegramProfile(ownerId, "bench_owner", "Bench owner", null, "en"));
        var selected = await grains.GetGrain<IDatabasesGrain>(0).SelectAsync(ownerId, DemoSalesDatabase.DatabaseId);
        if (!selected.Succeeded) throw new InvalidOperationException($"Selecting Demo Sales failed: {selected.Message}");
        var answer = await user.AskAsync(ownerId, "Sales by region");
        if (answer is not { Outcome: QuestionOutcome.Answered, ConversationId: { } conversationId })
        {
            throw new InvalidOperationException($"The question behind the schedules was not answered: {answer.Outcome} {answer.Text}");
        }
        var owner = await user.GetPrincipalAsync() ?? throw new InvalidOperationException("The benchmark's owner is not registered.");
        return (owner, conversationId);
    }

    /// <summary>Schedule i belongs to owner i ÷ <see cref="SchedulesPerOwner"/>.</summary>
    private static async Task CreateAsync(IGrainFactory grains, (Principal Owner, string ConversationId)[] owners, ScheduleRhythm rhythm, int count,
        CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, CreatorsAtOnce).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (owner, conversationId) = owners[i / SchedulesPerOwner];
                var request = new ScheduleRequest(conversationId, owner.UserId, ScheduleKind.Report, rhythm);
                var made = await grains.GetGrain<IScheduleGrain>(ScheduleKeys.NewId()).CreateAsync(owner, request);
                if (!made.IsDone) throw new InvalidOperationException($"Creating a schedule was refused: {made.Status}");
            }
        }));
    }

    /// <returns>For every notice taken: how long after the due minute it was handed out.</returns>
    private static async Task<List<TimeSpan>> TakeNoticesAsync(IGrainFactory grains, int count, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var notices = grains.GetGrain<IScheduleNoticesGrain>(0);
        var lateness = new List<TimeSpan>(count);
        var seen = new HashSet<long>();
        var giveUpAt = due + DeliveryLimit;
        while (lateness.Count < count && DateTimeOffset.UtcNow < giveUpAt)
        {
            var taken = await notices.TakeAsync(100);
            var now = DateTimeOffset.UtcNow;
            foreach (var notice in taken)
            {
                if (!seen.Add(notice.NoticeId)) throw new InvalidOperationException($"Notice {notice.NoticeId} was handed out twice.");
                lateness.Add(now - due);
            }
            if (taken.Count == 0) await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
        return lateness;
    }

    /// <summary>Runs the ledger records as delivered, and when the last of them finished.</summary>
    private static async Task<(int Delivered, DateTimeOffset LastFinished)> RunsAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "app.db")};Mode=ReadOnly");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(FinishedAt) FROM ScheduleRuns WHERE Outcome = 'Delivered'";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var delivered = reader.GetInt32(0);
        return (delivered, delivered == 0 ? DateTimeOffset.MinValue : DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture));
    }

    private static DateTimeOffset NextWholeMinute(DateTimeOffset after) =>
        new DateTimeOffset(after.Year, after.Month, after.Day, after.Hour, after.Minute, 0, TimeSpan.Zero).AddMinutes(1);
}
