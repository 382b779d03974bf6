using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Notices;
using OrleansAssistant.Grains.Schedules.Runs;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>The run claim and the notices' conditional updates on PostgreSQL, where several silos share the tables.</summary>
public sealed class ScheduleNoticePostgresTests
{
    [Fact]
    public async Task RunLedgerAndNotices_OnPostgreSql_ClaimOnce_TakeOverAfterTheLease_AndTellOnce()
    {
        var database = new AppDatabase(PostgreSqlDialect.Instance, await TestPostgres.CreateDatabaseAsync("scheduleruns"));
        await database.MigrateAsync(new SchemaMigrator(TimeProvider.System, NullLogger<SchemaMigrator>.Instance), CancellationToken.None);
        var notices = new ScheduleNoticeStore(database);
        var runs = new RunLedger(database, notices);
        var scheduleId = ScheduleKeys.NewId();
        var due = DateTimeOffset.UtcNow;
        var runId = ScheduleKeys.RunId(scheduleId, due);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            runs.ClaimAsync(runId, scheduleId, due, due, TimeSpan.FromMinutes(5), CancellationToken.None)));
        var beforeLeaseEnds = await runs.ClaimAsync(runId, scheduleId, due, due.AddMinutes(4), TimeSpan.FromMinutes(5), CancellationToken.None);
        var takenOver = await runs.ClaimAsync(runId, scheduleId, due, due.AddMinutes(6), TimeSpan.FromMinutes(5), CancellationToken.None);
        var notice = new PendingNotice(scheduleId, runId, 7, 8, ScheduleNoticeKind.NoRows, new NoticePayload("Orders", ScheduleKind.Report, due));
        // The first silo finishes late, after the second took the run over and finished it: one notice still.
        await runs.FinishAsync(runId, RunOutcome.NoRows, 0, null, null, due.AddMinutes(6), null, notice, CancellationToken.None);
        await runs.FinishAsync(runId, RunOutcome.NoRows, 0, null, null, due.AddMinutes(7), null, notice, CancellationToken.None);
        var taken = await Task.WhenAll(notices.TakeAsync(10, CancellationToken.None), notices.TakeAsync(10, CancellationToken.None));
        var afterFinish = await runs.ClaimAsync(runId, scheduleId, due, due.AddHours(1), TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Single(claims, claim => claim.Won);
        Assert.False(beforeLeaseEnds.Won);
        Assert.Equal((true, 2), (takenOver.Won, takenOver.Attempts));
        var told = Assert.Single(taken.SelectMany(batch => batch));
        Assert.Equal((scheduleId, ScheduleNoticeKind.NoRows, 8L, "Orders"), (told.ScheduleId, told.Kind, told.ChatId, told.Payload.Title));
        Assert.Equal((false, RunOutcome.NoRows), (afterFinish.Won, afterFinish.Stored));
    }
}
