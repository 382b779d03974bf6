namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>An e-mail drafted by the pipeline: preview with buttons, [Send] once, the SMTP server gets exactly one message, the asker hears so.</summary>
public sealed partial class TelegramCommandTests
{
    [Fact]
    public async Task EmailDraft_SendPressedTwice_SendsExactlyOneMessage_AndTellsTheAsker()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var subject = $"Top customer {asker.Id}";
        fixture.Model.EnqueueJson(new { way = "Email", sql = (string?)null, answer = (string?)null }, 100, 10);
        fixture.Model.EnqueueJson(new { to = new[] { "boss@example.com" }, subject, body = "Linus leads with $1,000.00." }, 100, 40);

        await asker.SayAsync("E-mail the top customer to boss@example.com");
        var draft = await fixture.Telegram.WaitForSentMessageAsync(
            message => message.ChatId == asker.Id && message.Text.Contains(subject, StringComparison.Ordinal) && message.ReplyMarkup is not null,
            BotTelegramFixture.Patience);
        var send = Buttons(draft).Single(button => button.Text == "Send e-mail");

        asker.Press(draft, send.Data);
        asker.Press(draft, send.Data);
        var told = await fixture.Telegram.WaitForSentMessageAsync(
            message => message.ChatId == asker.Id && message.Text.Contains("was sent to boss@example.com", StringComparison.Ordinal),
            BotTelegramFixture.Patience);

        Assert.Contains(subject, told.Text, StringComparison.Ordinal);
        var received = fixture.Smtp.ReceivedWithSubject(subject);
        var message = Assert.Single(received);
        Assert.Equal("boss@example.com", message.To.Mailboxes.Single().Address);
        Assert.Contains("boss@example.com", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailDraft_Cancel_SendsNothing()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var subject = $"Never sent {asker.Id}";
        fixture.Model.EnqueueJson(new { way = "Email", sql = (string?)null, answer = (string?)null }, 100, 10);
        fixture.Model.EnqueueJson(new { to = new[] { "boss@example.com" }, subject, body = "Hello." }, 100, 40);

        await asker.SayAsync("E-mail hello to boss@example.com");
        var draft = await fixture.Telegram.WaitForSentMessageAsync(
            message => message.ChatId == asker.Id && message.Text.Contains(subject, StringComparison.Ordinal) && message.ReplyMarkup is not null,
            BotTelegramFixture.Patience);
        var press = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, draft.MessageId, Buttons(draft).Single(button => button.Text == "Cancel").Data);
        var toast = await CallbackAnswerAsync(press);

        Assert.Equal("Cancelled: the e-mail will not be sent.", toast.GetValueOrDefault("text"));
        Assert.Empty(fixture.Smtp.ReceivedWithSubject(subject));
    }
}
