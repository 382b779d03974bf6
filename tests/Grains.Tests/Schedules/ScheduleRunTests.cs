using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Runs;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Schedules;

[Collection(ScheduleSiloCollection.Name)]
public sealed partial class ScheduleRunTests(ScheduleSiloFixture fixture)
{
    private const string OrdersSql = "SELECT id, total FROM orders ORDER BY id";
    private const string NoOrdersSql = "SELECT id, total FROM orders WHERE id < 0";

    [Fact]
    public async Task Report_DeliversOneNoticeWithRowsAndASentence_WhoseStageTwoCostIsInTheLedgerUnderTheRun()
    {
        var asker = await Asker.NewAsync(fixture);
        var schedule = fixture.Schedule(asker, OrdersSql);
        var before = fixture.Model.Requests.Count;
        fixture.Model.EnqueueText("Four orders, the largest 1000.00.", 400, 12);

        var report = await fixture.Runner().RunAsync(schedule, fixture.Now, manual: false, attempt: 1, CancellationToken.None);

        Assert.Equal((RunOutcome.Delivered, false), (report.Outcome, report.AlreadyRun));
        Assert.Equal(before + 1, fixture.Model.Requests.Count);
        var notice = Assert.Single(await fixture.TakeNoticesAsync(schedule.ScheduleId));
        Assert.Equal((ScheduleNoticeKind.Report, "Four orders, the largest 1000.00.", 4, asker.UserId),
            (notice.Kind, notice.Text, notice.Rows!.Rows.Count, notice.ChatId));
        Assert.Equal(2, Assert.Single(notice.Usage!).StageNumber);
        var run = await RunRow.ReadAsync(fixture.DataDirectory, report.RunId);
        Assert.Equal((RunOutcome.Delivered, 4, 1), (run!.Outcome, run.ResultRows, run.Attempts));
        var stage = Assert.Single(await Asker.StagesAsync(fixture.DataDirectory, run.ConversationId!));
        Assert.Equal((2, "answer", 400, 12), (stage.Stage, stage.Name, stage.Input, stage.Output));
        var usage = await fixture.Grains.GetGrain<IUsageGrain>(0).ForUserAsync(asker.UserId, fixture.Now.AddHours(-1), fixture.Now.AddMinutes(1));
        Assert.Equal((1L, 400L, 12L), (usage.Questions, usage.InputTokens, usage.OutputTokens));
    }

    [Fact]
    public async Task TemplateMessage_CallsNoModel_AndSendsTheRowsWithoutText()
    {
        var asker = await Asker.NewAsync(fixture);
        var schedule = fixture.Schedule(asker, OrdersSql);
        var before = fixture.Model.Requests.Count;

        var report = await fixture.Runner(ScheduleSiloFixture.TestSettings with { Message = VerifiedAnswerMode.Template })
            .RunAsync(schedule, fixture.Now, false, 1, CancellationToken.None);

        Assert.Equal(RunOutcome.Delivered, report.Outcome);
        Assert.Equal(before, fixture.Model.Requests.Count);
        var notice = Assert.Single(await fixture.TakeNoticesAsync(schedule.ScheduleId));
        Assert.Equal(("", 4, null), (notice.Text, notice.Rows!.Rows.Count, notice.Usage));
        Assert.Null((await RunRow.ReadAsync(fixture.DataDirectory, report.RunId))!.ConversationId);
    }

    [Fact]
    public async Task TheSameDueRunTwice_RunsOnce_AndTellsOnce()
    {
        var asker = await Asker.NewAsync(fixture);
        var schedule = fixture.Schedule(asker, OrdersSql);
        var runner = fixture.Runner(ScheduleSiloFixture.TestSettings with { Message = VerifiedAnswerMode.Template });
        var due = fixture.Now;

        var first = await runner.RunAsync(schedule, due, false, 1, CancellationToken.None);
        var second = await runner.RunAsync(schedule, due, false, 1, CancellationToken.None);

        Assert.Equal((RunOutcome.Delivered, false), (first.Outcome, first.AlreadyRun));
        Assert.Equal((RunOutcome.Delivered, true), (second.Outcome, second.AlreadyRun));
        Assert.Single(await fixture.TakeNoticesAsync(schedule.ScheduleId));
    }

    [Fact]
    public async Task ARunningRowIsTakenOver_OnlyOnceItsLeaseHasRunOut()
    {
        var asker = await Asker.NewAsync(fixture);
        var schedule = fixture.Schedule(asker, OrdersSql);
        var runner = fixture.Runner(ScheduleSiloFixture.TestSettings with { Message = VerifiedAnswerMode.Template });
        var due = fixture.Now;
        // A silo claimed the run and died before finishing it.
        var claim = await ((RunLedger)fixture.Silo.Services.GetService(typeof(RunLedger))!)
            .ClaimAsync(ScheduleKeys.RunId(schedule.ScheduleId, due), schedule.ScheduleId, due, fixture.Now, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.True(claim.Won);

        var whileLeased = await runner.RunAsync(schedule, due, false, 1, CancellationToken.None);
        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        var afterLease = await runner.RunAsync(schedule, due, false, 1, CancellationToken.None);

        Assert.Equal((RunOutcome.Running, true), (whileLeased.Outcome, whileLeased.AlreadyRun));
        Assert.Equal((RunOutcome.Delivered, false), (afterLease.Outcome, afterLease.AlreadyRun));
        Assert.Equal(2, (await RunRow.ReadAsync(fixture.DataDirectory, afterLease.RunId))!.Attempts);
        Assert.Single(await fixture.TakeNoticesAsync(schedule.ScheduleId));
    }

    [Fact]
    public async Task DatabaseDown_IsRetriedThreeTimes_ThenFailsWithExactlyOneNotice()
    {
        var asker = await Asker.NewAsync(fixture);
        var schedule = fixture.Schedule(asker, OrdersSql);
        var runner = fixture.Runner();
        var due = fixture.Now;
        File.Delete(asker.DatabasePath);
        // A folder where the file was: the database cannot be opened at all, as with a server that is down.
        Directory.CreateDirectory(asker.DatabasePath);
        SqliteConnection.ClearAllPools();

        var reports = new List<RunReport>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            reports.Add(await runner.RunAsync(schedule, due, false, attempt, CancellationToken.None));
            Assert.True((await runner.RunAsync(schedule, due, false, attempt, CancellationToken.None)).AlreadyRun, "a retry waits for its time");
            fixture.Clock.Advance(ScheduleSiloFixture.TestSettings.DatabaseRetryInterval);
        }

        Assert.Equal([RunOutcome.RetryPending, RunOutcome.RetryPending, RunOutcome.RetryPending, RunOutcome.Failed], reports.Select(report => report.Outcome));
        Assert.All(reports.Take(3), report => Assert.NotNull(report.RetryAt));
        var notice = Assert.Single(await fixture.TakeNoticesAsync(schedule.ScheduleId));
        Assert.Equal((ScheduleNoticeKind.Failed, "unavailable"), (notice.Kind, notice.Error));
        var run = await RunRow.ReadAsync(fixture.DataDirectory, reports[^1].RunId);
        Assert.Equal((RunOutcome.Failed, 4), (run!.Outcome, run.Attempts));
    }

    [Fact]
    public async Task RunNow_WithTheDatabaseDown_FailsAtOnce_WithoutRetries()
    {
        var asker = await Asker.NewAsync(fixture);
        var schedule = fixture.Schedule(asker, OrdersSql);
        File.Delete(asker.DatabasePath);
        Directory.CreateDirectory(asker.DatabasePath);
        SqliteConnection.ClearAllPools();

        var report = await fixture.Runner().RunAsync(schedule, fixture.Now, manual: true, attempt: 1, CancellationToken.None);

        Assert.Equal((RunOutcome.Failed, ScheduleKeys.ManualRunId(schedule.ScheduleId, fixture.Now)), (report.Outcome, report.RunId));
        Assert.Equal("unavailable", Assert.Single(await fixture.TakeNoticesAsync(schedule.ScheduleId)).Error);
    }

    [Fact]
    public async Task EmptyResult_SaysNoRows_OrNothingWhenSoSet()
    {
        var asker = await Asker.NewAsync(fixture);
        var told = fixture.Schedule(asker, NoOrdersSql);
        var quiet = fixture.Schedule(asker, NoOrdersSql);

        var toldReport = await fixture.Runner().RunAsync(told, fixture.Now, false, 1, CancellationToken.None);
        var quietReport = await fixture.Runner(ScheduleSiloFixture.TestSettings with { SayNoRows = false }).RunAsync(quiet, fixture.Now, false, 1, CancellationToken.None);

        Assert.Equal((RunOutcome.NoRows, RunOutcome.NoRows), (toldReport.Outcome, quietReport.Outcome));
        Assert.Equal(ScheduleNoticeKind.NoRows, Assert.Single(await fixture.TakeNoticesAsync(told.ScheduleId)).Kind);
        Assert.Empty(await fixture.TakeNoticesAsync(quiet.ScheduleId));
        Assert.Equal(0, (await RunRow.ReadAsync(fixture.DataDirectory, quietReport.RunId))!.ResultRows);
    }

    [Fact]
    public async Task AMemberRemovedFromTheOrganization_PausesTheSchedule_AndIsToldOnce()
    {
        var asker = await Asker.NewAsync(fixture);
        var (ownerId, orgId) = await fixture.Grains.NewOrganizationAsync("Schedules Inc");
        var invitation = await fixture.Grains.Coordinator().CreateInvitationAsync(ownerId, 1, 1);
        Assert.True((await fixture.Grains.Coordinator().JoinAsync(asker.UserId, invitation.Invitation!.Code)).Succeeded);
        var schedule = fixture.Schedule(asker, OrdersSql, orgId: orgId);
        var runner = fixture.Runner(ScheduleSiloFixture.TestSettings with { Message = VerifiedAnswerMode.Template });
        Assert.Equal(RunOutcome.Delivered, (await runner.RunAsync(schedule, fixture.Now, false, 1, CancellationToken.None)).Outcome);
        Assert.True((await fixture.Grains.Coordinator().RemoveMemberAsync(ownerId, asker.UserId)).Succeeded);
        var due = fixture.Now.AddDays(1);

        var paused = await runner.RunAsync(schedule, due, false, 1, CancellationToken.None);
        var again = await runner.RunAsync(schedule, due, false, 1, CancellationToken.None);

        Assert.Equal((RunOutcome.Paused, PauseReason.NotMember), (paused.Outcome, paused.PauseReason));
        Assert.True(again.AlreadyRun);
        var notices = await fixture.TakeNoticesAsync(schedule.ScheduleId);
        var pausedNotice = Assert.Single(notices, notice => notice.Kind == ScheduleNoticeKind.Paused);
        Assert.Equal(PauseReason.NotMember, pausedNotice.PauseReason);
    }

    [Fact]
    public async Task RefusedSql_FailsWithTheGuardsWords_AndChangesNothing()
    {
        var asker = await Asker.NewAsync(fixture);
        var schedule = fixture.Schedule(asker, "DELETE FROM orders");

        var report = await fixture.Runner().RunAsync(schedule, fixture.Now, false, 1, CancellationToken.None);

        Assert.Equal(RunOutcome.Failed, report.Outcome);
        var notice = Assert.Single(await fixture.TakeNoticesAsync(schedule.ScheduleId));
        Assert.Equal(ScheduleNoticeKind.Failed, notice.Kind);
        Assert.False(string.IsNullOrWhiteSpace(notice.Error));
        var orders = await fixture.Runner(ScheduleSiloFixture.TestSettings with { Message = VerifiedAnswerMode.Template })
            .RunAsync(fixture.Schedule(asker, OrdersSql), fixture.Now, false, 1, CancellationToken.None);
        Assert.Equal(4, (await RunRow.ReadAsync(fixture.DataDirectory, orders.RunId))!.ResultRows);
    }
}
