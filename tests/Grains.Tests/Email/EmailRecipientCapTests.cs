using OrleansAssistant.Grains.Interfaces.Email;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Tests.Email;

/// <summary>A silo that sends only to example.com and partner.org (and their subdomains), ten recipients an e-mail at most.</summary>
public sealed class RecipientCapSiloFixture() : EmailSiloFixture(new Dictionary<string, string?>
{
    ["Email:AllowedDomains:0"] = "example.com",
    ["Email:AllowedDomains:1"] = "Partner.org",
});

public sealed class EmailRecipientCapTests(RecipientCapSiloFixture fixture) : IClassFixture<RecipientCapSiloFixture>
{
    private static long NewUser() => Random.Shared.NextInt64(1_000_000, long.MaxValue);

    private static EmailDraft Draft(IEnumerable<string> to) => new(to.ToArray(), $"Report {Guid.NewGuid():N}", "Revenue is up.");

    private static IEnumerable<string> People(int count, string domain = "example.com") =>
        Enumerable.Range(1, count).Select(i => $"person{i}@{domain}");

    private IEmailOutboxGrain Outbox(long userId) => fixture.Grains.GetGrain<IEmailOutboxGrain>(userId);

    [Fact]
    public async Task Draft_ToElevenRecipients_IsRefused_AndNothingIsSent()
    {
        var user = NewUser();
        var draft = Draft(People(11));
        var id = await Outbox(user).SaveDraftAsync(1, draft);

        var result = await Outbox(user).SendAsync(id);

        Assert.Equal(EmailSendOutcome.RecipientsRefused, result.Outcome);
        Assert.Equal("This e-mail has 11 recipients; at most 10 are allowed. Nothing was sent.", result.Message);
        Assert.Equal("Draft", (await fixture.Rows.FindAsync(id))!.Status);
        Assert.Empty(fixture.Smtp.ReceivedWithSubject(draft.Subject));
    }

    [Fact]
    public async Task Draft_ToTenRecipients_IsSentAsOneMessage()
    {
        var user = NewUser();
        var draft = Draft(People(10));
        var id = await Outbox(user).SaveDraftAsync(1, draft);

        Assert.Equal(EmailSendOutcome.Queued, (await Outbox(user).SendAsync(id)).Outcome);
        await fixture.Rows.WaitForStatusAsync(id, "Sent");
        Assert.Equal(10, Assert.Single(fixture.Smtp.ReceivedWithSubject(draft.Subject)).To.Mailboxes.Count());
    }

    [Fact]
    public async Task HourlyCap_CountsRecipients_NotMessages()
    {
        var user = NewUser();
        // 10 + 10 recipients reach the hourly limit of 20 in two messages.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var sent = await Outbox(user).SaveDraftAsync(1, Draft(People(10)));
            Assert.Equal(EmailSendOutcome.Queued, (await Outbox(user).SendAsync(sent)).Outcome);
        }
        var third = await Outbox(user).SaveDraftAsync(1, Draft(People(1)));

        var result = await Outbox(user).SendAsync(third);

        Assert.Equal(EmailSendOutcome.LimitReached, result.Outcome);
        Assert.Equal("You may e-mail at most 20 recipients an hour; you have e-mailed 20 in the last hour and this e-mail has 1. Please try again later.",
            result.Message);
        Assert.Equal("Draft", (await fixture.Rows.FindAsync(third))!.Status);
    }

    [Fact]
    public async Task HourlyCap_RefusesAnEmailThatWouldPassIt_EvenBelowTheLimit()
    {
        var user = NewUser();
        var first = await Outbox(user).SaveDraftAsync(1, Draft(People(10)));
        Assert.Equal(EmailSendOutcome.Queued, (await Outbox(user).SendAsync(first)).Outcome);
        var second = await Outbox(user).SaveDraftAsync(1, Draft(People(5)));
        Assert.Equal(EmailSendOutcome.Queued, (await Outbox(user).SendAsync(second)).Outcome);
        var third = await Outbox(user).SaveDraftAsync(1, Draft(People(6)));

        Assert.Equal(EmailSendOutcome.LimitReached, (await Outbox(user).SendAsync(third)).Outcome);
        var fitting = await Outbox(user).SaveDraftAsync(1, Draft(People(5)));
        Assert.Equal(EmailSendOutcome.Queued, (await Outbox(user).SendAsync(fitting)).Outcome);
    }

    [Theory]
    [InlineData("eve@evil.com")]
    [InlineData("eve@notexample.com")]
    [InlineData("eve@example.com.evil.com")]
    public async Task Recipient_OutsideTheAllowedDomains_IsRefused_AndNothingIsSent(string outsider)
    {
        var user = NewUser();
        var draft = Draft(["ann@example.com", outsider]);
        var id = await Outbox(user).SaveDraftAsync(1, draft);

        var result = await Outbox(user).SendAsync(id);

        Assert.Equal(EmailSendOutcome.RecipientsRefused, result.Outcome);
        Assert.Equal($"{outsider} is outside the domains this installation sends to (example.com, partner.org). Nothing was sent.", result.Message);
        Assert.Equal("Draft", (await fixture.Rows.FindAsync(id))!.Status);
    }

    [Fact]
    public async Task Recipients_InAllowedDomainsAndTheirSubdomains_AreSent()
    {
        var user = NewUser();
        var draft = Draft(["ann@example.com", "bob@sales.example.com", "cy@PARTNER.ORG"]);
        var id = await Outbox(user).SaveDraftAsync(1, draft);

        Assert.Equal(EmailSendOutcome.Queued, (await Outbox(user).SendAsync(id)).Outcome);
        await fixture.Rows.WaitForStatusAsync(id, "Sent");
    }
}
