using System.Text.Json;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Webhooks;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>E-mail and webhook delivery of a run.</summary>
public sealed partial class ScheduleRunTests
{
    [Fact]
    public async Task EmailRecipients_GetTheReportAsAPlainTextTable()
    {
        var asker = await Asker.NewAsync(fixture);
        var title = $"Weekly orders {Guid.NewGuid():N}";
        var schedule = fixture.Schedule(asker, OrdersSql, emailTo: ["boss@example.com"], title: title);

        var report = await fixture.Runner(ScheduleSiloFixture.TestSettings with { Message = VerifiedAnswerMode.Template })
            .RunAsync(schedule, fixture.Now, false, 1, CancellationToken.None);

        Assert.Equal(RunOutcome.Delivered, report.Outcome);
        var message = await WaitForMailAsync(title);
        Assert.Equal("boss@example.com", message.To.Mailboxes.Single().Address);
        Assert.Contains("120.5", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("id | total", message.TextBody, StringComparison.Ordinal);
        Assert.Null((await RunRow.ReadAsync(fixture.DataDirectory, report.RunId))!.Error);
    }

    [Fact]
    public async Task EmailOverTheHourlyLimit_IsSkipped_AndTheRunSaysSo()
    {
        var asker = await Asker.NewAsync(fixture);
        var title = $"Hourly orders {Guid.NewGuid():N}";
        var runner = fixture.Runner(ScheduleSiloFixture.TestSettings with { Message = VerifiedAnswerMode.Template }, emailLimit: 1);
        var first = fixture.Schedule(asker, OrdersSql, emailTo: ["boss@example.com"], title: title);
        var second = fixture.Schedule(asker, OrdersSql, emailTo: ["boss@example.com"], title: title + " again");

        await runner.RunAsync(first, fixture.Now, false, 1, CancellationToken.None);
        var report = await runner.RunAsync(second, fixture.Now, false, 1, CancellationToken.None);

        Assert.Equal(RunOutcome.Delivered, report.Outcome);
        var error = (await RunRow.ReadAsync(fixture.DataDirectory, report.RunId))!.Error;
        Assert.StartsWith("e-mail: skipped: You may e-mail at most 1 recipients an hour", error, StringComparison.Ordinal);
        Assert.Equal(error, Assert.Single(await fixture.TakeNoticesAsync(second.ScheduleId)).Error);
        await WaitForMailAsync(title);
        Assert.Empty(fixture.Smtp.ReceivedWithSubject(title + " again"));
    }

    [Fact]
    public async Task Webhook_GetsTheRowsWithASignatureThatVerifiesWithTheSecret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var asker = await Asker.NewAsync(fixture);
        var secret = WebhookSignature.NewSecret();
        var schedule = fixture.Schedule(asker, OrdersSql, webhook: receiver.Url, secret: secret);

        var report = await fixture.Runner(ScheduleSiloFixture.TestSettings with { Message = VerifiedAnswerMode.Template })
            .RunAsync(schedule, fixture.Now, false, 1, CancellationToken.None);

        var received = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.IsValid(received.Signature, secret, received.Body, fixture.Now, TimeSpan.FromMinutes(5)));
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal(schedule.ScheduleId, body.RootElement.GetProperty("scheduleId").GetString());
        Assert.Equal(report.RunId, body.RootElement.GetProperty("runId").GetString());
        Assert.Equal(["id", "total"], body.RootElement.GetProperty("columns").EnumerateArray().Select(column => column.GetString()));
        Assert.Equal(4, body.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Null(Assert.Single(await fixture.TakeNoticesAsync(schedule.ScheduleId)).Error);
    }

    [Fact]
    public async Task AFailingWebhook_IsTriedThreeTimesAndReported_WithoutHoldingUpAnotherSchedule()
    {
        await using var failing = await WebhookReceiver.StartAsync(status: 500, delay: TimeSpan.FromMilliseconds(300));
        var asker = await Asker.NewAsync(fixture);
        var broken = fixture.Schedule(asker, OrdersSql, webhook: failing.Url, secret: WebhookSignature.NewSecret());
        var other = fixture.Schedule(asker, OrdersSql);
        var runner = fixture.Runner(ScheduleSiloFixture.TestSettings with { Message = VerifiedAnswerMode.Template });

        var brokenRun = runner.RunAsync(broken, fixture.Now, false, 1, CancellationToken.None);
        var otherReport = await runner.RunAsync(other, fixture.Now, false, 1, CancellationToken.None);
        Assert.False(brokenRun.IsCompleted, "the other schedule finished while the failing webhook was still being tried");
        var brokenReport = await brokenRun;

        Assert.Equal((RunOutcome.Delivered, RunOutcome.Delivered), (otherReport.Outcome, brokenReport.Outcome));
        Assert.Equal(3, failing.Requests.Count);
        var notice = Assert.Single(await fixture.TakeNoticesAsync(broken.ScheduleId));
        Assert.StartsWith("webhook: ", notice.Error, StringComparison.Ordinal);
        Assert.Contains("500", notice.Error, StringComparison.Ordinal);
        Assert.Equal(notice.Error, (await RunRow.ReadAsync(fixture.DataDirectory, brokenReport.RunId))!.Error);
    }

    private async Task<MimeKit.MimeMessage> WaitForMailAsync(string subject)
    {
        // The outbox's dispatcher sends on its own poll; a generous limit, not a fixed wait.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (fixture.Smtp.ReceivedWithSubject(subject) is [var message]) return message;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No e-mail with the subject \"{subject}\" arrived.");
    }
}
