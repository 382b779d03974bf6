using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.Grains.Tests.Databases;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>Answered questions to make schedules from, and what an operator would look at afterwards: rows and reminders.</summary>
public static class ScheduleArrange
{
    public const string CustomersSql = "SELECT name, city FROM customers ORDER BY name";

    public static ScheduleRhythm DailyAtNine(string zone = "UTC") => ScheduleRhythm.Daily(TimeSpan.FromHours(9), zone);

    /// <summary>A new person with the shop database who asked a question the fake model answered with <paramref name="sql"/>.</summary>
    public static async Task<(Asker Asker, QuestionAnswer Answer)> AnsweredAsync(QuestionSiloFixture fixture, string sql = CustomersSql, string question = "Where do our customers live?")
    {
        var asker = await Asker.NewAsync(fixture);
        return (asker, await AskAsync(fixture, asker.User, asker.UserId, sql, question));
    }

    public static async Task<QuestionAnswer> AskAsync(QuestionSiloFixture fixture, IUserGrain user, long userId, string sql, string question)
    {
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql, answer = "Looking." }, 100, 10);
        fixture.Model.EnqueueText("Here they are.", 100, 10);
        var answer = await user.AskAsync(userId, question, null, $"tg_{userId}_{Random.Shared.Next(1, 1_000_000)}");
        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        return answer;
    }

    /// <summary>An organization whose owner added the shop database, and a member who asked a question on it.</summary>
    public static async Task<OrgAnswer> OrgAnswerAsync(QuestionSiloFixture fixture)
    {
        var (ownerId, orgId) = await fixture.Grains.NewOrganizationAsync();
        var fileName = await ShopDatabases.SqliteShopAsync(fixture.SqliteFolder);
        var databases = fixture.Grains.GetGrain<IDatabasesGrain>(0);
        var added = await databases.AddAsync(ownerId, "Shop", $"sqlite:///{fileName}");
        Assert.True(added.Succeeded, added.Message);
        Assert.Equal(orgId, added.Database!.OwnerOrgId);
        var memberId = await fixture.Grains.NewMemberAsync(ownerId);
        Assert.True((await databases.SelectAsync(memberId, added.Database.DatabaseId)).Succeeded);
        var answer = await AskAsync(fixture, fixture.Grains.GetGrain<IUserGrain>(memberId), memberId, CustomersSql, "Customers of the org");
        return new OrgAnswer(ownerId, orgId, memberId, added.Database.DatabaseId, answer);
    }

    public static async Task<Principal> PrincipalAsync(IGrainFactory grains, long userId) =>
        (await grains.GetGrain<IUserGrain>(userId).GetPrincipalAsync())!;

    public static ScheduleRequest Report(QuestionAnswer answer, ScheduleRhythm? rhythm = null, string? webhook = null, IReadOnlyList<string>? emailTo = null) =>
        new(answer.ConversationId!, ChatOf(answer), ScheduleKind.Report, rhythm ?? DailyAtNine(), EmailTo: emailTo, WebhookUrl: webhook);

    public static ScheduleRequest Alert(QuestionAnswer answer, AlertRule rule) =>
        new(answer.ConversationId!, ChatOf(answer), ScheduleKind.Alert, ScheduleRhythm.Cron("*/15 * * * *", "UTC"), rule);

    /// <summary>The chat an answer was given in: its conversation id is the request id "tg_&lt;chat&gt;_&lt;message&gt;".</summary>
    public static long ChatOf(QuestionAnswer answer) => long.Parse(answer.ConversationId!.Split('_')[1], System.Globalization.CultureInfo.InvariantCulture);

    public static IScheduleGrain NewSchedule(IGrainFactory grains) => grains.GetGrain<IScheduleGrain>(ScheduleKeys.NewId());

    /// <summary>Creates a schedule that must be accepted.</summary>
    public static async Task<(IScheduleGrain Grain, ScheduleChange Change)> CreatedAsync(IGrainFactory grains, Principal asker, ScheduleRequest request)
    {
        var grain = NewSchedule(grains);
        var change = await grain.CreateAsync(asker, request);
        Assert.Equal(ScheduleChangeStatus.Done, change.Status);
        return (grain, change);
    }

    /// <summary>The reminder the grain holds in the silo's reminder table, or null.</summary>
    public static async Task<ReminderEntry?> ReminderAsync(QuestionSiloFixture fixture, IScheduleGrain grain)
    {
        var table = fixture.Silo.Services.GetRequiredService<IReminderTable>();
        return await table.ReadRow(grain.GetGrainId(), "run");
    }

    public static async Task<long> ScheduleRowCountAsync(QuestionSiloFixture fixture)
    {
        await using var connection = await OpenAppDatabaseAsync(fixture);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Schedules";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The webhook secret column as stored.</summary>
    public static async Task<string?> StoredSecretAsync(QuestionSiloFixture fixture, string scheduleId)
    {
        await using var connection = await OpenAppDatabaseAsync(fixture);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT WebhookSecret FROM Schedules WHERE ScheduleId = $id";
        command.Parameters.AddWithValue("$id", scheduleId);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Moves when an answer was asked, as if it had been asked at <paramref name="askedAt"/>.</summary>
    public static async Task AgeAnswerAsync(QuestionSiloFixture fixture, string conversationId, DateTimeOffset askedAt)
    {
        await using var connection = await OpenAppDatabaseAsync(fixture, "ReadWrite");
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Conversations SET StartedAt = $at WHERE ConversationId = $id";
        command.Parameters.AddWithValue("$at", askedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$id", conversationId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<SqliteConnection> OpenAppDatabaseAsync(QuestionSiloFixture fixture, string mode = "ReadOnly")
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.DataDirectory, "app.db")};Mode={mode};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>An organization, its owner, a member, the organization's shop database, and the member's answer on it.</summary>
public sealed record OrgAnswer(long OwnerId, string OrgId, long MemberId, string DatabaseId, QuestionAnswer Answer);
