using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansAssistant.Grains.Databases.Secrets;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules;
using OrleansAssistant.Grains.Schedules.Store;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>The schedule rows on PostgreSQL: exact numbers, timestamps, the protected secret, counts, lists and runs.</summary>
public sealed class ScheduleStorePostgresTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ScheduleStore_OnPostgreSql_KeepsEveryField_AndListsCountsAndRuns()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("schedules");
        var database = new AppDatabase(PostgreSqlDialect.Instance, connectionString);
        await database.MigrateAsync(new SchemaMigrator(TimeProvider.System, NullLogger<SchemaMigrator>.Instance), CancellationToken.None);
        var store = new ScheduleStore(database, new SecretProtector(SecretKeyRing.FromKeys(
            new Dictionary<string, string> { ["k"] = Convert.ToBase64String(new byte[32]) }, "k")));
        var alert = Definition(ScheduleKeys.NewId(), 7, "org_a") with
        {
            Kind = ScheduleKind.Alert, Alert = new AlertRule(AlertCondition.ChangesFrom, 12.5m), LastValue = 12.5m, WebhookSecret = "s3cret",
            Rhythm = ScheduleRhythm.Weekly(DayOfWeek.Monday, TimeSpan.FromHours(9), "Europe/Berlin"),
        };
        var report = Definition(ScheduleKeys.NewId(), 8, "org_a") with { CreatedAt = Created.AddMinutes(1) };
        await store.InsertAsync(alert, CancellationToken.None);
        await store.InsertAsync(report, CancellationToken.None);
        await store.InsertAsync(Definition(ScheduleKeys.NewId(), 7, null) with { CreatedAt = Created.AddMinutes(2) }, CancellationToken.None);

        var found = (await store.FindAsync(alert.ScheduleId, CancellationToken.None))!;
        Assert.Equal(alert with { EmailTo = found.EmailTo }, found);
        Assert.Equal(alert.EmailTo, found.EmailTo);
        var paused = found with { Status = ScheduleStatus.Paused, PauseReason = PauseReason.AccessLost, Crossed = true, LastValue = 3m, NextDueAt = null };
        await store.UpdateAsync(paused, CancellationToken.None);
        Assert.Equal(paused with { EmailTo = found.EmailTo }, (await store.FindAsync(alert.ScheduleId, CancellationToken.None))! with { EmailTo = found.EmailTo });

        Assert.Equal((2, 2), (await store.CountOfOwnerAsync(7, CancellationToken.None), await store.CountOfOrganizationAsync("org_a", CancellationToken.None)));
        Assert.Equal([alert.ScheduleId, report.ScheduleId], (await store.ListOfOrganizationAsync("org_a", CancellationToken.None)).Select(view => view.ScheduleId));
        Assert.Equal(2, (await store.ListOfOwnerAsync(7, CancellationToken.None)).Count);

        await InsertRunAsync(connectionString, report.ScheduleId, Created.AddDays(1));
        await InsertRunAsync(connectionString, report.ScheduleId, Created.AddDays(2));
        var runs = await store.RunsAsync(report.ScheduleId, 10, CancellationToken.None);
        Assert.Equal([ScheduleKeys.RunId(report.ScheduleId, Created.AddDays(2)), ScheduleKeys.RunId(report.ScheduleId, Created.AddDays(1))], runs.Select(run => run.RunId));
        Assert.Equal((RunOutcome.Delivered, 4, 0m, 1), (runs[0].Outcome, runs[0].Rows, runs[0].Cost, runs[0].Attempts));
        var listed = (await store.ListOfOrganizationAsync("org_a", CancellationToken.None)).Single(view => view.ScheduleId == report.ScheduleId);
        Assert.Equal(runs[0], listed.LastRun);

        await store.DeleteAsync(report.ScheduleId, CancellationToken.None);
        Assert.Null(await store.FindAsync(report.ScheduleId, CancellationToken.None));
        Assert.Equal(2, (await store.RunsAsync(report.ScheduleId, 10, CancellationToken.None)).Count);
    }

    private static ScheduleDefinition Definition(string id, long owner, string? orgId) => new(
        id, owner, orgId, "db_1", 99, "tg_1_1", "Sales last week", "SELECT 1", ScheduleKind.Report,
        ScheduleRhythm.Daily(TimeSpan.FromHours(9), "UTC"), null, ["ann@example.com", "bob@example.com"], "https://hooks.example.com/x", null,
        ScheduleStatus.Active, PauseReason.None, Created.AddHours(23), Created);

    // The runner writes runs; this stands in for it with the columns it fills.
    private static async Task InsertRunAsync(string connectionString, string scheduleId, DateTimeOffset dueAt)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ScheduleRuns (RunId, ScheduleId, DueAt, Outcome, Attempts, StartedAt, FinishedAt, LeaseUntil, ResultRows)
            VALUES (@runId, @scheduleId, @dueAt, 'Delivered', 1, @dueAt, @dueAt, @dueAt, 4)
            """;
        command.Parameters.AddWithValue("runId", ScheduleKeys.RunId(scheduleId, dueAt));
        command.Parameters.AddWithValue("scheduleId", scheduleId);
        command.Parameters.AddWithValue("dueAt", dueAt.UtcDateTime);
        await command.ExecuteNonQueryAsync();
    }
}
