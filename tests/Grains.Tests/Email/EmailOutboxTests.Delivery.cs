using OrleansAssistant.Grains.Interfaces.Email;

namespace OrleansAssistant.Grains.Tests.Email;

public sealed partial class EmailOutboxTests
{
    [Fact]
    public async Task Send_FirstAttemptRejected_IsRetriedAndSent_AfterTwoAttempts()
    {
        var user = NewUser();
        var draft = Draft("ann@example.com");
        var id = await Outbox(user).SaveDraftAsync(1, draft);
        fixture.Smtp.RejectNext(1);

        await Outbox(user).SendAsync(id);
        var row = await fixture.Rows.WaitForStatusAsync(id, "Sent");

        Assert.Equal(2, row.Attempts);
        Assert.Single(fixture.Smtp.ReceivedWithSubject(draft.Subject));
    }

    [Fact]
    public async Task Send_SmtpDownForEveryAttempt_FailsWithNotice()
    {
        var user = NewUser();
        var draft = Draft("ann@example.com");
        var id = await Outbox(user).SaveDraftAsync(5, draft);
        fixture.Smtp.RejectNext(1_000);
        try
        {
            await Outbox(user).SendAsync(id);
            var row = await fixture.Rows.WaitForStatusAsync(id, "Failed");

            Assert.Equal(EmailSiloFixture.FastDelivery.MaxAttempts, row.Attempts);
            Assert.Contains("451", row.LastError, StringComparison.Ordinal);
            var notice = Assert.Single(await TakeAllNoticesAsync(), n => n.DraftId == id);
            Assert.Equal(EmailStatus.Failed, notice.Status);
            Assert.NotNull(notice.Error);
            Assert.Empty(fixture.Smtp.ReceivedWithSubject(draft.Subject));
        }
        finally
        {
            fixture.Smtp.AcceptAll();
        }
    }

    [Fact]
    public async Task QueuedEmail_SurvivesSiloRestart_AndIsSentAfterwards()
    {
        var user = NewUser();
        var draft = Draft("ann@example.com");
        var id = await Outbox(user).SaveDraftAsync(1, draft);
        fixture.Smtp.RejectNext(1_000);

        await Outbox(user).SendAsync(id);
        await fixture.Rows.WaitForAsync(id, row => row.Attempts >= 1 && row.Status == "Queued");
        await fixture.RestartAsync(whileStopped: fixture.Smtp.AcceptAll);
        var sent = await fixture.Rows.WaitForStatusAsync(id, "Sent");

        Assert.True(sent.Attempts >= 2);
        Assert.Single(fixture.Smtp.ReceivedWithSubject(draft.Subject));
    }
}
