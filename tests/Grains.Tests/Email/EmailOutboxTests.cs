using OrleansAssistant.Grains.Interfaces.Email;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Tests.Email;

[Collection(EmailSiloCollection.Name)]
public sealed partial class EmailOutboxTests(EmailSiloFixture fixture)
{
    private static long NewUser() => Random.Shared.NextInt64(1_000_000, long.MaxValue);

    private static EmailDraft Draft(params string[] to) =>
        new(to, $"Report {Guid.NewGuid():N}", "Revenue is up.");

    private IEmailOutboxGrain Outbox(long userId) => fixture.Grains.GetGrain<IEmailOutboxGrain>(userId);

    private async Task<IReadOnlyList<EmailNotice>> TakeAllNoticesAsync() =>
        await fixture.Grains.GetGrain<IEmailNoticesGrain>(0).TakeAsync(100);

    [Fact]
    public async Task SaveAndSend_DeliversOneMessage_AndItsNoticeIsTakenOnce()
    {
        var user = NewUser();
        var draft = Draft("ann@example.com", "bob@example.com");
        var id = await Outbox(user).SaveDraftAsync(chatId: 77, draft);

        var result = await Outbox(user).SendAsync(id);
        var row = await fixture.Rows.WaitForStatusAsync(id, "Sent");

        Assert.Equal(EmailSendOutcome.Queued, result.Outcome);
        Assert.True(row.HasSentAt);
        var message = Assert.Single(fixture.Smtp.ReceivedWithSubject(draft.Subject));
        Assert.Equal(["ann@example.com", "bob@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("assistant@test.local", message.From.Mailboxes.Single().Address);
        var notice = Assert.Single(await TakeAllNoticesAsync(), n => n.DraftId == id);
        Assert.Equal((user, 77L, EmailStatus.Sent, draft.Subject), (notice.UserId, notice.ChatId, notice.Status, notice.Subject));
        Assert.DoesNotContain(await TakeAllNoticesAsync(), n => n.DraftId == id);
    }

    [Fact]
    public async Task DoubleSend_AtOnce_QueuesOnce_AndSendsOneMessage()
    {
        var user = NewUser();
        var draft = Draft("ann@example.com");
        var id = await Outbox(user).SaveDraftAsync(1, draft);

        var results = await Task.WhenAll(Outbox(user).SendAsync(id), Outbox(user).SendAsync(id));
        await fixture.Rows.WaitForStatusAsync(id, "Sent");
        await Task.Delay(EmailSiloFixture.FastDelivery.PollInterval * 3);

        Assert.Equal([EmailSendOutcome.Queued, EmailSendOutcome.AlreadyHandled], results.Select(r => r.Outcome).Order());
        Assert.Single(fixture.Smtp.ReceivedWithSubject(draft.Subject));
        Assert.Equal(EmailSendOutcome.AlreadyHandled, (await Outbox(user).SendAsync(id)).Outcome);
    }

    [Fact]
    public async Task Cancel_BeforeSending_NeverSends()
    {
        var user = NewUser();
        var draft = Draft("ann@example.com");
        var id = await Outbox(user).SaveDraftAsync(1, draft);

        var cancelled = await Outbox(user).CancelAsync(id);
        var sendAfterwards = await Outbox(user).SendAsync(id);
        await Task.Delay(EmailSiloFixture.FastDelivery.PollInterval * 5);

        Assert.Equal(EmailSendOutcome.Cancelled, cancelled.Outcome);
        Assert.Equal(EmailSendOutcome.Cancelled, sendAfterwards.Outcome);
        Assert.Equal("Cancelled", (await fixture.Rows.FindAsync(id))!.Status);
        Assert.Empty(fixture.Smtp.ReceivedWithSubject(draft.Subject));
    }

    [Fact]
    public async Task Send_TwentyFirstInAnHour_IsLimitReached()
    {
        var user = NewUser();
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var id = await Outbox(user).SaveDraftAsync(1, Draft("ann@example.com"));
            Assert.Equal(EmailSendOutcome.Queued, (await Outbox(user).SendAsync(id)).Outcome);
            ids.Add(id);
        }
        var last = await Outbox(user).SaveDraftAsync(1, Draft("ann@example.com"));

        var result = await Outbox(user).SendAsync(last);

        Assert.Equal(EmailSendOutcome.LimitReached, result.Outcome);
        Assert.Equal("Draft", (await fixture.Rows.FindAsync(last))!.Status);
        foreach (var id in ids) await fixture.Rows.WaitForStatusAsync(id, "Sent");
    }

    [Fact]
    public async Task Send_WithoutRecipients_IsNoRecipients()
    {
        var user = NewUser();
        var id = await Outbox(user).SaveDraftAsync(1, Draft());

        var result = await Outbox(user).SendAsync(id);

        Assert.Equal(EmailSendOutcome.NoRecipients, result.Outcome);
        Assert.Equal("Draft", (await fixture.Rows.FindAsync(id))!.Status);
    }

    [Fact]
    public async Task Send_SomeoneElsesDraft_IsNotFound()
    {
        var id = await Outbox(NewUser()).SaveDraftAsync(1, Draft("ann@example.com"));

        var result = await Outbox(NewUser()).SendAsync(id);

        Assert.Equal(EmailSendOutcome.NotFound, result.Outcome);
    }
}
