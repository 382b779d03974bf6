using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>Schedules made as the bot makes them (from an answered question, through the schedule grain), and runs in the ledger.</summary>
public static class ScheduleSeed
{
    public const string Sql = "SELECT name FROM customers";

    /// <summary>SQL whose run finds no rows: a "run now" then needs no model call for its sentence.</summary>
    public const string NoRowsSql = "SELECT name FROM customers WHERE id < 0";

    /// <summary>A weekday report at 09:00 Berlin time made by <paramref name="ownerId"/> from a fresh answer of theirs.</summary>
    /// <returns>The creation's outcome: the schedule, and the webhook secret when a webhook was given.</returns>
    public static async Task<ScheduleChange> NewScheduleAsync(this DashboardHost host, long ownerId, string orgId, string databaseId,
        string question = "Who are our customers?", IReadOnlyList<string>? emailTo = null, string? webhookUrl = null, string sql = Sql)
    {
        var conversationId = await host.RecordAsync(ownerId, orgId, databaseId, question, sql);
        var request = new ScheduleRequest(conversationId, ownerId, ScheduleKind.Report,
            ScheduleRhythm.Weekdays(TimeSpan.FromHours(9), "Europe/Berlin"), EmailTo: emailTo, WebhookUrl: webhookUrl);
        var change = await host.Grains.GetGrain<IScheduleGrain>(ScheduleKeys.NewId()).CreateAsync(await host.PrincipalAsync(ownerId), request);
        Assert.True(change.IsDone, $"creating a schedule: {change}");
        return change;
    }

    public static async Task<Principal> PrincipalAsync(this DashboardHost host, long userId) =>
        (await host.Grains.GetGrain<IUserGrain>(userId).GetPrincipalAsync())!;

    /// <summary>A finished run of the schedule as the runner records it; its cost is that of <paramref name="conversationId"/>'s model calls.</summary>
    public static async Task RecordRunAsync(this DashboardHost host, string scheduleId, DateTimeOffset dueAt, RunOutcome outcome,
        int? rows, string? conversationId = null, string? error = null, int attempts = 1)
    {
        var database = host.Services.GetRequiredService<AppDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ScheduleRuns (RunId, ScheduleId, DueAt, Outcome, Attempts, StartedAt, FinishedAt, LeaseUntil, ResultRows, ConversationId, Error)
            VALUES (@runId, @scheduleId, @dueAt, @outcome, @attempts, @dueAt, @dueAt, @dueAt, @rows, @conversationId, @error)
            """;
        command.AddParameter("@runId", ScheduleKeys.RunId(scheduleId, dueAt));
        command.AddParameter("@scheduleId", scheduleId);
        command.AddParameter("@dueAt", database.Dialect.Timestamp(dueAt));
        command.AddParameter("@outcome", outcome.ToString());
        command.AddParameter("@attempts", attempts);
        command.AddParameter("@rows", rows);
        command.AddParameter("@conversationId", conversationId);
        command.AddParameter("@error", error);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A model call for a run's cost: priced at <paramref name="cost"/>, or without a price.</summary>
    public static StageRecord Stage(DateTimeOffset at, decimal cost, bool priced = true) =>
        new(2, 2, "answer", "gemini-3.6-flash", 300, 40, cost, 0m, at, 100, true, PriceKnown: priced);
}
