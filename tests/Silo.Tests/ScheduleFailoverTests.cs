using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Silo.Tests.Faults;
using OrleansAssistant.TestSupport.Models;
using Xunit.Abstractions;

namespace OrleansAssistant.Silo.Tests;

/// <summary>
/// Two silo processes on PostgreSQL with a schedule due every minute (the test rhythm: the minimum interval is set to one
/// minute). The silo that hosts the schedule's grain is SIGKILLed after its first run: the next due run must still happen,
/// on the other silo, and be delivered exactly once — one run row per due minute, one notice per run, one chat message each.
/// </summary>
public sealed class ScheduleFailoverTests(ITestOutputHelper output)
{
    private const string Question = "How many customers do we have (failover probe)?";
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(150);

    [Fact(Timeout = 480_000)]
    public async Task SiloHostingTheSchedule_Killed_NextDueRunDeliveredExactlyOnce()
    {
        await using var cluster = await FaultCluster.StartAsync(siloCount: 2, new Dictionary<string, string>
        {
            ["Schedules__MinimumIntervalMinutes"] = "1",
            ["Schedules__Message"] = "Template",
        });
        var replies = new ChatReplies(cluster.Telegram);
        var people = await FaultUsers.SetUpAsync(cluster.Telegram, replies, cluster.Gateway.Grains, await ShopDatabase.CreateAsync());
        // A standalone user with the shop as a personal database.
        var ownerId = people[^1].Profile.UserId;
        var grains = cluster.Gateway.Grains;
        cluster.Model.Respond(request => request.ResponseFormatType is null
            ? ScriptedReply.Text("We have 3 customers.", 100, 20)
            : ScriptedReply.Json(new { way = "SqlQuery", sql = "SELECT COUNT(*) AS customers FROM customers", answer = (string?)null }, 100, 20));
        var answer = await grains.GetGrain<IUserGrain>(ownerId).AskAsync(ownerId, Question);
        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        var owner = await grains.GetGrain<IUserGrain>(ownerId).GetPrincipalAsync();
        Assert.NotNull(owner);

        var scheduleId = ScheduleKeys.NewId();
        var schedule = grains.GetGrain<IScheduleGrain>(scheduleId);
        var made = await schedule.CreateAsync(owner, new ScheduleRequest(answer.ConversationId!, ownerId, ScheduleKind.Report, ScheduleRhythm.Cron("* * * * *", "UTC")));
        Assert.Equal(ScheduleChangeStatus.Done, made.Status);
        var createdAt = DateTimeOffset.UtcNow;

        var first = await ScheduleRunLedger.WaitForFinishedRunAsync(cluster.Database, scheduleId, createdAt, RunLimit);
        var hostPort = await HostingSiloPortAsync(grains, scheduleId);
        var victim = cluster.Silos.Single(silo => silo.SiloPort == hostPort);
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        await MembershipTable.WaitUntilDeadAsync(cluster.Database, victim.SiloPort, TimeSpan.FromSeconds(60));

        // The first minute that comes round after the kill, and one more after it, so a run that was mid-way at the kill counts too.
        await ScheduleRunLedger.WaitForFinishedRunAsync(cluster.Database, scheduleId, NextMinute(killedAt).AddMinutes(1), RunLimit);
        // Paused, no run is in flight (the grain finishes a run before it takes the pause) and none starts: the ledger is final.
        Assert.Equal(ScheduleChangeStatus.Done, (await schedule.PauseAsync(owner)).Status);
        var runs = await ScheduleRunLedger.RunsAsync(cluster.Database, scheduleId);
        foreach (var run in runs) output.WriteLine($"{run.DueAt:HH:mm:ss} {run.Outcome} notices: {run.Notices}");
        output.WriteLine($"first run before the kill: {first.Count}; killed silo port {victim.SiloPort} at {killedAt:HH:mm:ss}");

        Assert.Equal(runs.Count, runs.Select(run => run.DueAt).Distinct().Count());
        Assert.All(runs.Where(run => run.Outcome != "Running"), run =>
        {
            Assert.Equal("Delivered", run.Outcome);
            Assert.Equal(1, run.Notices);
        });
        Assert.Contains(runs, run => run.DueAt > killedAt && run.Outcome == "Delivered");

        // Each delivered run reached the owner's chat once.
        var delivered = runs.Count(run => run.Outcome == "Delivered");
        var chatMessages = await WaitForChatMessagesAsync(cluster, scheduleId, ownerId, delivered);
        Assert.Equal(delivered, chatMessages);
    }

    private static async Task<int> HostingSiloPortAsync(IGrainFactory grains, string scheduleId)
    {
        var grainId = grains.GetGrain<IScheduleGrain>(scheduleId).GetGrainId();
        var activations = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return Assert.Single(activations, activation => activation.GrainId == grainId).SiloAddress.Endpoint.Port;
    }

    /// <summary>
    /// Messages in the owner's chat that carry the schedule's title (the relay's deliveries), once every notice has been taken:
    /// a notice is taken once, so nothing can arrive after that but the sends already under way.
    /// </summary>
    private static async Task<int> WaitForChatMessagesAsync(FaultCluster cluster, string scheduleId, long chatId, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await ScheduleRunLedger.UntakenNoticesAsync(cluster.Database, scheduleId) > 0 || Count() < expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        return Count();

        int Count() => cluster.Telegram.SentMessages.Count(message => message.ChatId == chatId && message.Text.Contains(Question, StringComparison.Ordinal));
    }

    private static DateTimeOffset NextMinute(DateTimeOffset instant) =>
        new DateTimeOffset(instant.Year, instant.Month, instant.Day, instant.Hour, instant.Minute, 0, TimeSpan.Zero).AddMinutes(1);
}
