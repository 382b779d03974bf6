using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>
/// [⏰ Schedule] and [🔔 Alert] under answers, through the fake Telegram and a real silo: where the buttons sit, the dialog
/// that makes a schedule in the person's time zone, and the webhook secret shown once.
/// </summary>
[Collection(BotTelegramCollection.Name)]
public sealed partial class ScheduleBotTests(BotTelegramFixture fixture)
{
    [Fact]
    public async Task AnswerWithRows_HasScheduleBehindMore_AtTheEndOfTheCatalogue_AndNoAlert()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AnswerAsync(asker, "Spending per customer, to schedule");

        var opened = await MoreAsync(asker, answer);

        Assert.Equal([["👍", "👎", "⬇ CSV", "More ▾"]], Labels(answer));
        Assert.Equal([["👍", "👎", "⬇ CSV", "Less ▴"], ["⬇ Excel", "⬇ JSON", "⏰ Schedule"]], Labels(opened));
        Assert.All(Keyboard(opened).SelectMany(row => row), button => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(button.Data), 1, 64));
    }

    [Fact]
    public async Task AnswerThatIsOneNumber_HasScheduleThenAlert_BehindMore()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AnswerAsync(asker, "How many orders are there?", OrderCountSql, "There are 3 orders.");

        var opened = await MoreAsync(asker, answer);

        Assert.Equal([["👍", "👎", "⬇ CSV", "Less ▴"], ["⬇ Excel", "⬇ JSON", "⏰ Schedule", "🔔 Alert"]], Labels(opened));
    }

    [Fact]
    public async Task AnswerWithNoRows_OffersNoSchedule()
    {
        var asker = await BotPeople.AskerAsync(fixture);

        var answer = await AnswerAsync(asker, "Customers called Nobody, scheduled?", "SELECT name FROM customers WHERE name = 'Nobody'", "Nobody by that name.");

        Assert.Equal([["👍", "👎"]], Labels(answer));
    }

    [Fact]
    public async Task ScheduleDialog_WeekdaysAt0900_InBerlin_CreatesTheSchedule_ShownInThatZone()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        Assert.Equal(TimeZoneChange.Changed, await fixture.Silo.Grains.GetGrain<IUserGrain>(asker.Id).SetTimeZoneAsync("Europe/Berlin"));
        var answer = await AnswerAsync(asker, "Spending per customer, every weekday");

        var dialog = await StartAsync(asker, answer);
        var time = await ChooseAsync(asker, dialog, "Weekdays", edits: 1);
        var delivery = await ChooseAsync(asker, time, "09:00", edits: 2);
        var confirm = await ChooseAsync(asker, delivery, "Chat only", edits: 3);
        var created = await ChooseAsync(asker, confirm, "✅ Create", edits: 4);
        var listed = await asker.SayAsync("/schedules", message => message.Text.Contains("Spending per customer, every weekday", StringComparison.Ordinal));

        Assert.Contains("How often?", dialog.Text, StringComparison.Ordinal);
        Assert.Equal(["Every day", "Weekdays", "Every week", "1st of month", "Custom cron", "✖ Cancel"], Labels(dialog).SelectMany(row => row));
        Assert.Contains("Europe/Berlin time", time.Text, StringComparison.Ordinal);
        Assert.Contains("/timezone", time.Text, StringComparison.Ordinal);
        Assert.Equal(["07:00", "08:00", "09:00", "12:00", "17:00", "18:00", "Other time", "✖ Cancel"], Labels(time).SelectMany(row => row));
        Assert.Equal(["Chat only", "+ E-mail", "+ Webhook", "✖ Cancel"], Labels(delivery).SelectMany(row => row));
        Assert.Contains("every weekday at 09:00 (Europe/Berlin)", confirm.Text, StringComparison.Ordinal);
        Assert.Matches(@"^⏰ Scheduled: Spending per customer, every weekday — every weekday at 09:00 \(Europe/Berlin\)\. Next run: (Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2} 09:00\.",
            created.Text);
        Assert.Empty(Keyboard(created));
        var schedule = Assert.Single(await MineAsync(asker));
        Assert.Equal((ScheduleKind.Report, RhythmKind.Weekdays, TimeSpan.FromHours(9), "Europe/Berlin", asker.Id),
            (schedule.Kind, schedule.Rhythm.Kind, schedule.Rhythm.TimeOfDay, schedule.Rhythm.TimeZone, schedule.ChatId));
        var berlin = TimeZoneInfo.ConvertTime(schedule.NextDueAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Contains($"Next run: {berlin.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)}", listed.Text, StringComparison.Ordinal);
        Assert.Contains("every weekday at 09:00 (Europe/Berlin)", listed.Text, StringComparison.Ordinal);
        Assert.Equal([["⏸ Pause", "▶ Run now", "🗑 Delete"]], Labels(listed));
    }

    [Fact]
    public async Task ScheduleDialog_WeeklyOnAnOtherTime_WithAWebhook_SendsTheSecretOnce()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AnswerAsync(asker, "Spending per customer, every Friday");
        var dialog = await StartAsync(asker, answer);
        var day = await ChooseAsync(asker, dialog, "Every week", edits: 1);
        var time = await ChooseAsync(asker, day, "Fri", edits: 2);

        var delivery = await TypeAsync(asker, dialog, time, "Other time", "16:30", edits: 3);
        var confirm = await TypeAsync(asker, dialog, delivery, "+ Webhook", "https://hooks.example.com/sales", edits: 4);
        var created = await ChooseAsync(asker, confirm, "✅ Create", edits: 5);
        var secret = await asker.ReplyAfterAsync(dialog.MessageId, message => message.Text.Contains("X-Assistant-Signature", StringComparison.Ordinal));
        var listed = await asker.SayAsync("/schedules", message => message.Text.Contains("every Friday", StringComparison.Ordinal));

        Assert.Contains("every Friday at 16:30 (UTC)", created.Text, StringComparison.Ordinal);
        Assert.Contains("Also posted to https://hooks.example.com/sales", created.Text, StringComparison.Ordinal);
        Assert.Contains("shown only this once", secret.Text, StringComparison.Ordinal);
        Assert.Contains("HMAC-SHA256(secret, t + \".\" + body)", secret.Text, StringComparison.Ordinal);
        var shownSecret = System.Text.RegularExpressions.Regex.Match(secret.Text, "<code>([A-Za-z0-9_-]{20,})</code>").Groups[1].Value;
        Assert.NotEmpty(shownSecret);
        Assert.Single(fixture.Telegram.SentMessages, message => message.Text.Contains(shownSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(shownSecret, listed.Text, StringComparison.Ordinal);
        var schedule = Assert.Single(await MineAsync(asker));
        Assert.Equal((RhythmKind.Weekly, DayOfWeek.Friday, new TimeSpan(16, 30, 0), "https://hooks.example.com/sales"),
            (schedule.Rhythm.Kind, schedule.Rhythm.Day, schedule.Rhythm.TimeOfDay, schedule.WebhookUrl));
    }

    [Fact]
    public async Task Cancel_EndsTheDialog_AndCreatesNothing()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AnswerAsync(asker, "Spending per customer, never mind");
        var dialog = await StartAsync(asker, answer);

        var time = await ChooseAsync(asker, dialog, "Every day", edits: 1);
        var cancelled = await ChooseAsync(asker, time, "✖ Cancel", edits: 2);
        var again = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, dialog.MessageId, Data(time, "09:00"));

        Assert.StartsWith("✖ Cancelled", cancelled.Text, StringComparison.Ordinal);
        Assert.Equal("This button no longer works.", await ToastAsync(again));
        Assert.Equal(0, await StoredSchedulesAsync(asker));
    }
}
