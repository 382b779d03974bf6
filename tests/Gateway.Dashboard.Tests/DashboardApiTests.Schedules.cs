using System.Net;
using System.Text.Json;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>The Schedules tab's API: owners manage every member's schedules, members their own, nobody another organization's.</summary>
public sealed partial class DashboardApiTests
{
    private const string Webhook = "https://hooks.example.com/in/path-token-7f3?key=query-token-9c1";

    [Fact]
    public async Task Schedules_Owner_ListsEveryMembersSchedules_MemberOnlyTheirOwn()
    {
        var org = await host.NewOrganizationAsync("Schedules");
        var other = await host.NewOrganizationAsync("OtherSchedules");
        var secondMember = await host.NewUserAsync("Mia");
        await host.AddMemberAsync(org.OwnerId, secondMember);
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId, "Sales");
        var otherDatabase = await host.AddSqliteDatabaseAsync(other.OwnerId, "Theirs");
        var members = (await host.NewScheduleAsync(org.MemberId, org.OrgId, database.DatabaseId, "Max's customers",
            emailTo: ["max@example.com"], webhookUrl: Webhook)).Schedule!;
        var owners = (await host.NewScheduleAsync(org.OwnerId, org.OrgId, database.DatabaseId, "Olivia's customers")).Schedule!;
        var mias = (await host.NewScheduleAsync(secondMember, org.OrgId, database.DatabaseId, "Mia's customers")).Schedule!;
        var foreign = (await host.NewScheduleAsync(other.MemberId, other.OrgId, otherDatabase.DatabaseId, "Not yours")).Schedule!;

        var ownerList = await ScheduleListAsync(await OwnerAsync(org));
        var memberList = await ScheduleListAsync(await MemberAsync(org));

        Assert.Equal(new[] { members.ScheduleId, owners.ScheduleId, mias.ScheduleId }.Order(), ownerList.Keys.Order());
        Assert.DoesNotContain(foreign.ScheduleId, ownerList.Keys);
        Assert.Equal([members.ScheduleId], memberList.Keys);
        var row = ownerList[members.ScheduleId];
        Assert.Equal(("Max's customers", "Report", "Max", "Sales"), (Text(row, "title"), Text(row, "kind"), Text(row, "ownerName"), Text(row, "databaseName")));
        Assert.Equal(("every weekday at 09:00", "Europe/Berlin"), (Text(row, "rhythm"), Text(row, "timeZone")));
        Assert.Equal(("Active", "None"), (Text(row, "status"), Text(row, "pauseReason")));
        Assert.Equal(members.NextDueAt, row.GetProperty("nextDueAt").GetDateTimeOffset());
        Assert.Equal(["max@example.com"], row.GetProperty("emailTo").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("hooks.example.com", Text(row, "webhookHost"));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("lastRun").ValueKind);
    }

    [Fact]
    public async Task Schedules_NoResponse_CarriesTheWebhookSecretPathOrQuery()
    {
        var org = await host.NewOrganizationAsync("Secrets");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var created = await host.NewScheduleAsync(org.MemberId, org.OrgId, database.DatabaseId, webhookUrl: Webhook);
        var id = created.Schedule!.ScheduleId;
        Assert.False(string.IsNullOrEmpty(created.WebhookSecret));
        var owner = await OwnerAsync(org);
        var member = await MemberAsync(org);

        var answers = new[]
        {
            await owner.GetAnswerAsync("/dashboard/schedules"),
            await member.GetAnswerAsync("/dashboard/schedules"),
            await owner.GetAnswerAsync($"/dashboard/schedules/{id}/runs"),
            (await owner.PostAnswerAsync($"/dashboard/schedules/{id}/pause")).Expect(HttpStatusCode.OK),
            await owner.PostAnswerAsync($"/dashboard/schedules/{id}/pause"),
            (await member.PostAnswerAsync($"/dashboard/schedules/{id}/resume")).Expect(HttpStatusCode.OK),
        };

        Assert.All(answers, answer =>
        {
            Assert.DoesNotContain(created.WebhookSecret!, answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("path-token-7f3", answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("query-token-9c1", answer.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Schedules_Runs_AreTheLastTwenty_NewestFirst_WithRowsCostAndError()
    {
        var org = await host.NewOrganizationAsync("Runs");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var schedule = (await host.NewScheduleAsync(org.MemberId, org.OrgId, database.DatabaseId)).Schedule!;
        // Runs are due on whole minutes (the store keeps milliseconds at most).
        var start = new DateTimeOffset(host.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(-30).AddHours(8);
        for (var day = 0; day < 21; day++) await host.RecordRunAsync(schedule.ScheduleId, start.AddDays(day), RunOutcome.NoRows, rows: 0);
        var priced = await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "run", ScheduleSeed.Sql,
            stages: [ScheduleSeed.Stage(start, 0.002m)]);
        var unpriced = await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "run", ScheduleSeed.Sql,
            stages: [ScheduleSeed.Stage(start, 0m, priced: false)]);
        await host.RecordRunAsync(schedule.ScheduleId, start.AddDays(21), RunOutcome.Delivered, rows: 3, priced);
        await host.RecordRunAsync(schedule.ScheduleId, start.AddDays(22), RunOutcome.Delivered, rows: 5, unpriced);
        await host.RecordRunAsync(schedule.ScheduleId, start.AddDays(23), RunOutcome.Failed, rows: null, error: "no such table: customers", attempts: 4);
        var member = await MemberAsync(org);

        var runs = (await member.GetAnswerAsync($"/dashboard/schedules/{schedule.ScheduleId}/runs")).Expect(HttpStatusCode.OK)
            .Json.EnumerateArray().ToList();

        Assert.Equal(20, runs.Count);
        Assert.Equal(start.AddDays(23), runs[0].GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(("Failed", "no such table: customers", 4), (Text(runs[0], "outcome"), Text(runs[0], "error"), runs[0].GetProperty("attempts").GetInt32()));
        Assert.Equal(JsonValueKind.Null, runs[0].GetProperty("rows").ValueKind);
        Assert.Equal((5, 0m, 1), (runs[1].GetProperty("rows").GetInt32(), runs[1].GetProperty("cost").GetDecimal(), runs[1].GetProperty("unpricedCalls").GetInt32()));
        Assert.Equal((3, 0.002m, 0), (runs[2].GetProperty("rows").GetInt32(), runs[2].GetProperty("cost").GetDecimal(), runs[2].GetProperty("unpricedCalls").GetInt32()));
        Assert.False(runs[2].GetProperty("manual").GetBoolean());
        var listed = (await ScheduleListAsync(member))[schedule.ScheduleId];
        Assert.Equal("Failed", Text(listed.GetProperty("lastRun"), "outcome"));
    }

    [Fact]
    public async Task Schedules_OwnerPausesResumesRunsAndDeletesAMembersSchedule()
    {
        var org = await host.NewOrganizationAsync("Manage");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var schedule = (await host.NewScheduleAsync(org.MemberId, org.OrgId, database.DatabaseId, "Weekly customers", sql: ScheduleSeed.NoRowsSql)).Schedule!;
        var owner = await OwnerAsync(org);
        var path = $"/dashboard/schedules/{schedule.ScheduleId}";

        var paused = (await owner.PostAnswerAsync($"{path}/pause")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("Paused", "ByOwner"), (Text(paused.GetProperty("schedule"), "status"), Text(paused.GetProperty("schedule"), "pauseReason")));
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("schedule").GetProperty("nextDueAt").ValueKind);
        Assert.Contains("“Weekly customers” is paused", Text(paused, "message"), StringComparison.Ordinal);

        var resumed = (await owner.PostAnswerAsync($"{path}/resume")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("Active", Text(resumed.GetProperty("schedule"), "status"));
        var nextDue = resumed.GetProperty("schedule").GetProperty("nextDueAt").GetDateTimeOffset();

        var ran = (await owner.PostAnswerAsync($"{path}/run")).Expect(HttpStatusCode.OK).Json;
        Assert.Contains("was run now", Text(ran, "message"), StringComparison.Ordinal);
        var runs = (await owner.GetAnswerAsync($"{path}/runs")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        var manual = Assert.Single(runs, run => run.GetProperty("manual").GetBoolean());
        Assert.Equal(("NoRows", 0), (Text(manual, "outcome"), manual.GetProperty("rows").GetInt32()));
        Assert.Equal(nextDue, (await ScheduleListAsync(owner))[schedule.ScheduleId].GetProperty("nextDueAt").GetDateTimeOffset());

        var deleted = (await owner.DeleteAnswerAsync(path)).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(JsonValueKind.Null, deleted.GetProperty("schedule").ValueKind);
        Assert.Contains("was deleted", Text(deleted, "message"), StringComparison.Ordinal);
        Assert.DoesNotContain(schedule.ScheduleId, (await ScheduleListAsync(owner)).Keys);
        Assert.Empty(await ScheduleListAsync(await MemberAsync(org)));
        AssertProblem(await owner.GetAnswerAsync($"{path}/runs"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Schedules_MemberManagesTheirOwn_PausingTwiceIs409AndChangesNothing()
    {
        var org = await host.NewOrganizationAsync("Own");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var schedule = (await host.NewScheduleAsync(org.MemberId, org.OrgId, database.DatabaseId)).Schedule!;
        var member = await MemberAsync(org);
        var path = $"/dashboard/schedules/{schedule.ScheduleId}";

        (await member.PostAnswerAsync($"{path}/pause")).Expect(HttpStatusCode.OK);
        var again = await member.PostAnswerAsync($"{path}/pause");

        AssertProblem(again, HttpStatusCode.Conflict);
        Assert.Contains("already paused", Text(again.Json, "title"), StringComparison.Ordinal);
        (await member.PostAnswerAsync($"{path}/resume")).Expect(HttpStatusCode.OK);
        AssertProblem(await member.PostAnswerAsync($"{path}/resume"), HttpStatusCode.Conflict);
        Assert.Equal(ScheduleStatus.Active, (await ViewAsync(schedule.ScheduleId, org.MemberId))!.Status);
    }

    [Theory]
    [InlineData("not-a-schedule")]
    [InlineData("sched_0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("sched_0123456789abcdef0123456789abcdef")]
    public async Task Schedules_IdThatNamesNoSchedule_Is404(string id)
    {
        var org = await host.NewOrganizationAsync("BadId");
        var owner = await OwnerAsync(org);

        foreach (var answer in new[]
        {
            await owner.GetAnswerAsync($"/dashboard/schedules/{id}/runs"),
            await owner.PostAnswerAsync($"/dashboard/schedules/{id}/pause"),
            await owner.PostAnswerAsync($"/dashboard/schedules/{id}/resume"),
            await owner.PostAnswerAsync($"/dashboard/schedules/{id}/run"),
            await owner.DeleteAnswerAsync($"/dashboard/schedules/{id}"),
        })
        {
            AssertProblem(answer, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Schedules_AnotherOrganizationsOrAnotherMembersSchedule_Is404_AndStaysAsItWas()
    {
        var org = await host.NewOrganizationAsync("Guarded");
        var other = await host.NewOrganizationAsync("Intruder");
        var secondMember = await host.NewUserAsync("Mia");
        await host.AddMemberAsync(org.OwnerId, secondMember);
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var mias = (await host.NewScheduleAsync(secondMember, org.OrgId, database.DatabaseId)).Schedule!;
        var intruder = await OwnerAsync(other);
        var member = await MemberAsync(org);

        foreach (var client in new[] { intruder, member })
        {
            var path = $"/dashboard/schedules/{mias.ScheduleId}";
            AssertProblem(await client.GetAnswerAsync($"{path}/runs"), HttpStatusCode.NotFound);
            AssertProblem(await client.PostAnswerAsync($"{path}/pause"), HttpStatusCode.NotFound);
            AssertProblem(await client.PostAnswerAsync($"{path}/run"), HttpStatusCode.NotFound);
            AssertProblem(await client.DeleteAnswerAsync(path), HttpStatusCode.NotFound);
        }

        var view = await ViewAsync(mias.ScheduleId, secondMember);
        Assert.Equal(ScheduleStatus.Active, view?.Status);
        Assert.DoesNotContain(mias.ScheduleId, (await ScheduleListAsync(intruder)).Keys);
    }

    [Fact]
    public async Task Schedules_ResumeAfterTheOwnerLeftTheOrganization_Is409WithTheReason_AndStaysPaused()
    {
        var org = await host.NewOrganizationAsync("Leaver");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var schedule = (await host.NewScheduleAsync(org.MemberId, org.OrgId, database.DatabaseId)).Schedule!;
        var owner = await OwnerAsync(org);
        var path = $"/dashboard/schedules/{schedule.ScheduleId}";
        (await owner.PostAnswerAsync($"{path}/pause")).Expect(HttpStatusCode.OK);
        var removed = await host.Membership().RemoveMemberAsync(org.OwnerId, org.MemberId);
        Assert.True(removed.Succeeded, removed.Message);

        var resumed = await owner.PostAnswerAsync($"{path}/resume");

        AssertProblem(resumed, HttpStatusCode.Conflict);
        Assert.Contains("no longer a member", Text(resumed.Json, "title"), StringComparison.Ordinal);
        Assert.Equal(ScheduleStatus.Paused, (await ViewAsync(schedule.ScheduleId, org.OwnerId))!.Status);
    }

    private static async Task<Dictionary<string, JsonElement>> ScheduleListAsync(HttpClient client) =>
        (await client.GetAnswerAsync("/dashboard/schedules")).Expect(HttpStatusCode.OK).Json.EnumerateArray()
            .ToDictionary(row => row.GetProperty("scheduleId").GetString()!);

    private async Task<ScheduleView?> ViewAsync(string scheduleId, long askerId) =>
        await host.Grains.GetGrain<IScheduleGrain>(scheduleId).GetAsync(await host.PrincipalAsync(askerId));

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();
}
