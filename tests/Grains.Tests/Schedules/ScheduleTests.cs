using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Creation;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.Grains.Tests.Questions;
using static OrleansAssistant.Grains.Tests.Schedules.ScheduleArrange;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>
/// Creating a schedule from an answer: what is kept, what is shown once, when it first runs; and every refusal,
/// which names its reason and leaves no row and no reminder behind.
/// </summary>
[Collection(ScheduleLimitsSiloCollection.Name)]
public sealed class ScheduleTests(ScheduleLimitsSiloFixture fixture)
{
    [Fact]
    public async Task Create_FromAnAnswer_KeepsItsQuestionAndSql_ShowsTheWebhookSecretOnce_AndRegistersItsReminder()
    {
        var (asker, answer) = await AnsweredAsync(fixture);
        var me = await PrincipalAsync(fixture.Grains, asker.UserId);

        var (grain, change) = await CreatedAsync(fixture.Grains, me, Report(answer, webhook: "https://hooks.example.com/sales", emailTo: ["ann@example.com"]));

        var created = change.Schedule!;
        Assert.Equal(("Where do our customers live?", answer.Sql, asker.DatabaseId, asker.UserId), (created.Title, created.Sql, created.DatabaseId, created.OwnerUserId));
        Assert.Equal((ScheduleStatus.Active, (string?)null, asker.UserId), (created.Status, created.OrgId, created.ChatId));
        Assert.Equal(["ann@example.com"], created.EmailTo);
        Assert.Equal(Base64UrlLength(32), change.WebhookSecret!.Length);
        var stored = await StoredSecretAsync(fixture, created.ScheduleId);
        Assert.StartsWith("v1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(change.WebhookSecret, stored!, StringComparison.Ordinal);

        var read = (await grain.GetAsync(me))!;
        Assert.Equal(created with { EmailTo = read.EmailTo }, read);
        Assert.Null((await grain.PauseAsync(me)).WebhookSecret);
        Assert.Contains(await AppActivity.OfUserAsync(fixture.DataDirectory, asker.UserId),
            entry => entry.Type == "schedule.created" && entry.Target == created.ScheduleId);
    }

    [Fact]
    public async Task Create_RegistersTheRunReminder_ForItsFirstDueTime()
    {
        var (asker, answer) = await AnsweredAsync(fixture);
        var before = fixture.Clock.GetUtcNow();

        var (grain, change) = await CreatedAsync(fixture.Grains, await PrincipalAsync(fixture.Grains, asker.UserId), Report(answer));

        var next = change.Schedule!.NextDueAt!.Value;
        Assert.Equal(new TimeSpan(9, 0, 0), next.UtcDateTime.TimeOfDay);
        Assert.InRange(next - before, TimeSpan.Zero, TimeSpan.FromDays(1));
        var reminder = await ReminderAsync(fixture, grain);
        Assert.NotNull(reminder);
        Assert.Equal(TimeSpan.FromMinutes(1), reminder.Period);
        // The reminder's clock is the machine's; the schedule's is the silo's (moved by other tests): compare the waits.
        Assert.InRange(reminder.StartAt - DateTime.UtcNow, next - before - TimeSpan.FromMinutes(1), next - before + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task NextDueAt_IsReadOnTheWallClockOfThePersonsZone()
    {
        var (asker, answer) = await AnsweredAsync(fixture);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var (_, change) = await CreatedAsync(fixture.Grains, await PrincipalAsync(fixture.Grains, asker.UserId), Report(answer, DailyAtNine("Europe/Berlin")));

        var next = change.Schedule!.NextDueAt!.Value;
        Assert.Equal(new TimeSpan(9, 0, 0), TimeZoneInfo.ConvertTime(next, berlin).TimeOfDay);
        // 09:00 in Berlin is 08:00Z in winter and 07:00Z in summer.
        Assert.Equal(berlin.IsDaylightSavingTime(next) ? 7 : 8, next.UtcDateTime.Hour);
    }

    [Fact]
    public async Task Refusals_NameTheirReason_AndChangeNothing()
    {
        var (asker, answer) = await AnsweredAsync(fixture);
        var me = await PrincipalAsync(fixture.Grains, asker.UserId);
        var (_, theirAnswer) = await AnsweredAsync(fixture, question: "Someone else's customers");
        var rows = await ScheduleRowCountAsync(fixture);

        var refusals = new List<(ScheduleRequest Request, Action<ScheduleChange> Check)>
        {
            (Report(theirAnswer), change => Assert.Equal(ScheduleChangeStatus.AnswerUnusable, change.Status)),
            // Results go to the asker's own chat or the chat of the answer, never to a chat the request merely names.
            (Report(answer) with { ChatId = asker.UserId + 1 }, change => Assert.Equal(ScheduleChangeStatus.AnswerUnusable, change.Status)),
            (Report(answer, ScheduleRhythm.Cron("every monday", "UTC")), change => AssertRhythm(change, RhythmProblem.InvalidCron)),
            (Report(answer, ScheduleRhythm.Cron("*/5 * * * *", "UTC")), change =>
            {
                AssertRhythm(change, RhythmProblem.TooFrequent);
                Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)), (change.Rhythm!.ShortestGap, change.Rhythm.MinimumInterval));
            }),
            (Report(answer, DailyAtNine("Mars/Olympus_Mons")), change => AssertRhythm(change, RhythmProblem.UnknownTimeZone)),
            (Report(answer, webhook: "http://hooks.example.com/sales"), change => AssertWebhook(change, WebhookProblem.NotHttps)),
            (Report(answer, webhook: "https://10.1.2.3/hook"), change => AssertWebhook(change, WebhookProblem.PrivateAddress)),
            (Report(answer, emailTo: ["ann@example.com", "not an address"]), change => AssertRecipient(change, "not an address")),
            (Report(answer, emailTo: [.. Enumerable.Range(1, ScheduleRecipients.Max + 1).Select(n => $"p{n}@example.com")]),
                change => AssertRecipient(change, $"p{ScheduleRecipients.Max + 1}@example.com")),
        };

        foreach (var (request, check) in refusals)
        {
            var grain = NewSchedule(fixture.Grains);
            var change = await grain.CreateAsync(me, request);
            check(change);
            Assert.Null(change.Schedule);
            Assert.Null(change.WebhookSecret);
            Assert.Null(await grain.GetAsync(me));
            Assert.Null(await ReminderAsync(fixture, grain));
        }
        Assert.Equal(rows, await ScheduleRowCountAsync(fixture));
    }

    [Fact]
    public async Task AnAnswerOlderThanTheExportWindow_IsUnusable()
    {
        var (asker, answer) = await AnsweredAsync(fixture);
        // The answer is made a day and a minute old; the silo's clock stays, as a day's jump would look like a dead silo.
        await AgeAnswerAsync(fixture, answer.ConversationId!, fixture.Clock.GetUtcNow() - TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        var rows = await ScheduleRowCountAsync(fixture);

        var change = await NewSchedule(fixture.Grains).CreateAsync(await PrincipalAsync(fixture.Grains, asker.UserId), Report(answer));

        Assert.Equal(ScheduleChangeStatus.AnswerUnusable, change.Status);
        Assert.Equal(rows, await ScheduleRowCountAsync(fixture));
    }

    [Fact]
    public async Task AnAnswerWithoutSql_IsUnusable()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = "Hello!" }, 10, 5);
        var answer = await asker.User.AskAsync(asker.UserId, "hi", null, $"tg_{asker.UserId}_1");

        var change = await NewSchedule(fixture.Grains).CreateAsync(await PrincipalAsync(fixture.Grains, asker.UserId), Report(answer));

        Assert.Equal(ScheduleChangeStatus.AnswerUnusable, change.Status);
    }

    [Fact]
    public async Task Alert_OnOneNumber_IsCreated_AndRemembersTheNumberItSaw()
    {
        var (asker, answer) = await AnsweredAsync(fixture, "SELECT COUNT(*) AS customers FROM customers", "How many customers?");

        var (_, change) = await CreatedAsync(fixture.Grains, await PrincipalAsync(fixture.Grains, asker.UserId),
            Alert(answer, new AlertRule(AlertCondition.Below, 50)));

        Assert.Equal((ScheduleKind.Alert, new AlertRule(AlertCondition.Below, 50), 3m, false),
            (change.Schedule!.Kind, change.Schedule.Alert, change.Schedule.LastValue, change.Schedule.Crossed));
    }

    [Theory]
    // The check reads two rows: enough to tell one row from several.
    [InlineData(ScheduleArrange.CustomersSql, "more than 2 rows, 2 columns")]
    [InlineData("SELECT name FROM customers WHERE id = 1", "1 row, 1 column, Text")]
    public async Task Alert_OnAnythingButOneNumber_IsRefused_WithTheShapeFound(string sql, string shape)
    {
        var (asker, answer) = await AnsweredAsync(fixture, sql, "Not one number");
        var rows = await ScheduleRowCountAsync(fixture);

        var change = await NewSchedule(fixture.Grains).CreateAsync(await PrincipalAsync(fixture.Grains, asker.UserId),
            Alert(answer, new AlertRule(AlertCondition.Above, 1)));

        Assert.Equal((ScheduleChangeStatus.NotOneNumber, shape), (change.Status, change.Detail));
        Assert.Equal(rows, await ScheduleRowCountAsync(fixture));
    }

    [Fact]
    public async Task APersonsLimit_IsKept()
    {
        var (asker, answer) = await AnsweredAsync(fixture);
        var me = await PrincipalAsync(fixture.Grains, asker.UserId);
        for (var made = 0; made < ScheduleLimitsSiloFixture.MaxPerPerson; made++) await CreatedAsync(fixture.Grains, me, Report(answer));
        var rows = await ScheduleRowCountAsync(fixture);

        var change = await NewSchedule(fixture.Grains).CreateAsync(me, Report(answer));

        Assert.Equal((ScheduleChangeStatus.PersonLimitReached, ScheduleLimitsSiloFixture.MaxPerPerson), (change.Status, change.Limit));
        Assert.Equal(rows, await ScheduleRowCountAsync(fixture));
    }

    [Fact]
    public async Task AnOrganizationsLimit_CountsAllItsMembers()
    {
        var org = await OrgAnswerAsync(fixture);
        var first = await PrincipalAsync(fixture.Grains, org.MemberId);
        for (var made = 0; made < ScheduleLimitsSiloFixture.MaxPerPerson; made++) await CreatedAsync(fixture.Grains, first, Report(org.Answer));
        var secondId = await fixture.Grains.NewMemberAsync(org.OwnerId);
        var second = await PrincipalAsync(fixture.Grains, secondId);
        Assert.True((await fixture.Grains.GetGrain<Interfaces.Databases.IDatabasesGrain>(0).SelectAsync(secondId, org.DatabaseId)).Succeeded);
        var answer = await AskAsync(fixture, fixture.Grains.GetGrain<Interfaces.Users.IUserGrain>(secondId), secondId, CustomersSql, "Customers again");
        for (var made = ScheduleLimitsSiloFixture.MaxPerPerson; made < ScheduleLimitsSiloFixture.MaxPerOrganization; made++) await CreatedAsync(fixture.Grains, second, Report(answer));
        var rows = await ScheduleRowCountAsync(fixture);

        var change = await NewSchedule(fixture.Grains).CreateAsync(second, Report(answer));

        Assert.Equal((ScheduleChangeStatus.OrganizationLimitReached, ScheduleLimitsSiloFixture.MaxPerOrganization), (change.Status, change.Limit));
        Assert.Equal(rows, await ScheduleRowCountAsync(fixture));
    }

    private static int Base64UrlLength(int bytes) => (bytes * 8 + 5) / 6;

    private static void AssertRhythm(ScheduleChange change, RhythmProblem problem) =>
        Assert.Equal((ScheduleChangeStatus.RhythmRefused, problem), (change.Status, change.Rhythm?.Problem));

    private static void AssertWebhook(ScheduleChange change, WebhookProblem problem) =>
        Assert.Equal((ScheduleChangeStatus.WebhookRefused, problem), (change.Status, change.Webhook));

    private static void AssertRecipient(ScheduleChange change, string address) =>
        Assert.Equal((ScheduleChangeStatus.RecipientsRefused, address), (change.Status, change.Detail));
}
