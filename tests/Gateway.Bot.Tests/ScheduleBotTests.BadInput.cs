using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Input the schedule dialog cannot use gets a clear reply, keeps the prompt open and creates nothing.</summary>
public sealed partial class ScheduleBotTests
{
    [Theory]
    [InlineData("25:99")]
    [InlineData("9")]
    [InlineData("nine o'clock")]
    public async Task OtherTime_NotHhMm_IsRefused_AndAGoodTimeAfterwardsStillWorks(string typed)
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var dialog = await StartAsync(asker, await AnswerAsync(asker, $"Spending per customer, at {typed}"));
        var time = await ChooseAsync(asker, dialog, "Every day", edits: 1);
        asker.Press(time, Data(time, "Other time"));
        var prompt = await PromptAsync(dialog, after: dialog.MessageId);

        var refused = await ReplyAsync(asker, prompt, typed);
        fixture.Telegram.EnqueueUserReply(asker.Id, asker.Id, prompt.MessageId, "06:45");
        var delivery = await DialogAfterAsync(dialog, edits: 2);

        Assert.StartsWith("That is not a time of day.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("every day at 06:45 (UTC)", delivery.Text, StringComparison.Ordinal);
        Assert.Equal(0, await StoredSchedulesAsync(asker));
    }

    [Theory]
    [InlineData("⏰ Schedule", "Custom cron", "0 9 * *", "not a five-field cron expression")]
    [InlineData("🔔 Alert", "Below", "fifty", "That is not a number.")]
    public async Task TypedCronOrThreshold_ThatDoesNotFit_IsRefused(string start, string choice, string typed, string expected)
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var dialog = await StartAsync(asker, await AnswerAsync(asker, $"How many orders, typed {typed}?", OrderCountSql, "There are 3 orders."), start);
        asker.Press(dialog, Data(dialog, choice));
        var prompt = await PromptAsync(dialog, after: dialog.MessageId);

        var refused = await ReplyAsync(asker, prompt, typed);

        Assert.Contains(expected, refused.Text, StringComparison.Ordinal);
        Assert.Equal(0, await StoredSchedulesAsync(asker));
    }

    [Fact]
    public async Task CustomCron_TooFrequent_IsRefusedOnCreate_WithTheReason()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var dialog = await StartAsync(asker, await AnswerAsync(asker, "Spending per customer, every minute"));
        var delivery = await TypeAsync(asker, dialog, dialog, "Custom cron", "* * * * *", edits: 2);
        var confirm = await ChooseAsync(asker, delivery, "Chat only", edits: 3);

        var refused = await ChooseAsync(asker, confirm, "✅ Create", edits: 4);

        Assert.StartsWith("Not created. That rhythm fires more often than every 15 minutes", refused.Text, StringComparison.Ordinal);
        Assert.Equal(0, await StoredSchedulesAsync(asker));
    }

    [Theory]
    [InlineData("+ E-mail", "ana at example", "is not an e-mail address")]
    [InlineData("+ E-mail", "ana@example.com, not-an-address", "<code>not-an-address</code> is not an e-mail address")]
    [InlineData("+ Webhook", "http://hooks.example.com/sales", "must be an <code>https://</code> address")]
    [InlineData("+ Webhook", "hooks dot example", "That is not a web address")]
    public async Task Delivery_BadRecipientsOrWebhook_AreRefused(string extra, string typed, string expected)
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var dialog = await StartAsync(asker, await AnswerAsync(asker, $"Spending per customer, delivered to {typed}"));
        var time = await ChooseAsync(asker, dialog, "Every day", edits: 1);
        var delivery = await ChooseAsync(asker, time, "08:00", edits: 2);
        asker.Press(delivery, Data(delivery, extra));
        var prompt = await PromptAsync(dialog, after: dialog.MessageId);

        var refused = await ReplyAsync(asker, prompt, typed);

        Assert.Contains(expected, refused.Text, StringComparison.Ordinal);
        Assert.Equal(0, await StoredSchedulesAsync(asker));
    }

    [Fact]
    public async Task Webhook_OnAnInternalAddress_IsRefusedOnCreate()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var dialog = await StartAsync(asker, await AnswerAsync(asker, "Spending per customer, to the intranet"));
        var time = await ChooseAsync(asker, dialog, "Every day", edits: 1);
        var delivery = await ChooseAsync(asker, time, "08:00", edits: 2);
        var confirm = await TypeAsync(asker, dialog, delivery, "+ Webhook", "https://127.0.0.1/hook", edits: 3);

        var refused = await ChooseAsync(asker, confirm, "✅ Create", edits: 4);

        Assert.Contains("internal address", refused.Text, StringComparison.Ordinal);
        Assert.Equal(0, await StoredSchedulesAsync(asker));
    }

    [Theory]
    [InlineData("plan:r:yearly")]
    [InlineData("plan:t:0930")]
    [InlineData("plan:")]
    [InlineData("schedules:pause:sched_nothex")]
    [InlineData("schedules:explode:sched_0123456789abcdef0123456789abcdef")]
    public async Task ForgedOrOldPresses_AreAnsweredOnTheButton_AndChangeNothing(string forged)
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var dialog = await StartAsync(asker, await AnswerAsync(asker, $"Spending per customer, forged {forged}"));

        var press = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, dialog.MessageId, forged);

        Assert.Equal("This button no longer works.", await ToastAsync(press));
        Assert.DoesNotContain(fixture.Telegram.EditedMessageLog.Snapshot(), edit => edit.ChatId == asker.Id && edit.MessageId == dialog.MessageId);
        Assert.Equal(0, await StoredSchedulesAsync(asker));
    }

    [Fact]
    public async Task InAGroup_AnotherPersonsPress_InTheDialog_ChangesNothing()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var other = await BotPeople.StandaloneAsync(fixture);
        var group = -asker.Id;
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = SpendSql, answer = "Looking." }, 100, 10);
        fixture.Model.EnqueueText("Linus spent the most.", 200, 20);
        var question = fixture.Telegram.EnqueueGroupMessage(group, asker.Id, "Spending per customer, in the group, scheduled");
        var answer = await fixture.Telegram.ShownMessageLog.WaitForAsync(message => message.ChatId == group && message.MessageId > question
            && message.ReplyMarkup?.Contains("answer:rate:", StringComparison.Ordinal) == true, BotTelegramFixture.Patience, "the group's answer");
        fixture.Telegram.EnqueueCallbackQuery(group, asker.Id, answer.MessageId, Data(answer, "More ▾"));
        var opened = await fixture.Telegram.EditedKeyboardLog.WaitForAsync(edit => edit.ChatId == group && edit.MessageId == answer.MessageId,
            BotTelegramFixture.Patience, "the opened keyboard");
        fixture.Telegram.EnqueueCallbackQuery(group, asker.Id, answer.MessageId, Data(opened, "⏰ Schedule"));
        var dialog = await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == group && message.ReplyToMessageId == answer.MessageId
            && message.ReplyMarkup?.Contains("plan:", StringComparison.Ordinal) == true, BotTelegramFixture.Patience);

        var press = fixture.Telegram.EnqueueCallbackQuery(group, other.Id, dialog.MessageId, Data(dialog, "Every day"));

        Assert.Equal("Only the person who started this can choose here.", await ToastAsync(press));
        Assert.DoesNotContain(fixture.Telegram.EditedMessageLog.Snapshot(), edit => edit.ChatId == group && edit.MessageId == dialog.MessageId);
    }

    [Fact]
    public async Task Schedules_InAGroup_SaysToUseItPrivately()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var group = -asker.Id;

        var sent = fixture.Telegram.EnqueueGroupMessage(group, asker.Id, "/schedules");
        var reply = await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == group && message.MessageId > sent, BotTelegramFixture.Patience);

        Assert.StartsWith("Schedules are managed in private", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/schedules", reply.Text, StringComparison.Ordinal);
    }
}
