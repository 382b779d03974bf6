using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>/schedules: the list, and [⏸ Pause] [▶ Resume] [▶ Run now] [🗑 Delete] under each schedule.</summary>
public sealed partial class ScheduleBotTests
{
    [Fact]
    public async Task Schedules_WithNone_SaysHowToMakeOne()
    {
        var user = await BotPeople.StandaloneAsync(fixture);

        var reply = await user.SayAsync("/schedules");

        Assert.StartsWith("You have no schedules or alerts yet.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseThenResume_ChangeTheScheduleAndItsCardInPlace()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        await CreateDailyAsync(asker, "Spending per customer, paused and resumed");
        var card = await CardAsync(asker);

        var paused = await PressOnCardAsync(asker, card, "⏸ Pause", edits: 1);
        var pausedView = Assert.Single(await MineAsync(asker));
        var resumed = await PressOnCardAsync(asker, paused, "▶ Resume", edits: 2);

        Assert.Contains("⏸ Paused: paused by you.", paused.Text, StringComparison.Ordinal);
        Assert.Equal([["▶ Resume", "▶ Run now", "🗑 Delete"]], Labels(paused));
        Assert.Equal(ScheduleStatus.Paused, pausedView.Status);
        Assert.Contains("Next run:", resumed.Text, StringComparison.Ordinal);
        Assert.Equal([["⏸ Pause", "▶ Run now", "🗑 Delete"]], Labels(resumed));
        Assert.Equal(ScheduleStatus.Active, Assert.Single(await MineAsync(asker)).Status);
    }

    [Fact]
    public async Task RunNow_DeliversTheReportToTheChat_FormattedAsAnAnswer_MarkedScheduled()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        await CreateDailyAsync(asker, "Spending per customer, run now");
        var card = await CardAsync(asker);
        fixture.Model.EnqueueText("Linus still spent the most.", 150, 15);

        var press = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, card.MessageId, Data(card, "▶ Run now"));
        var toast = await ToastAsync(press);
        // Amounts per customer come as a chart, captioned like an answer; the table and footer follow.
        var chart = await fixture.Telegram.SentFileLog.WaitForAsync(file => file.ChatId == asker.Id && file.Kind == "photo" && file.MessageId > card.MessageId,
            BotTelegramFixture.Patience, "the report's chart");
        var table = await asker.ReplyAfterAsync(chart.MessageId, message => message.Text.Contains("<pre>", StringComparison.Ordinal));

        Assert.Equal("Running it now: the result comes in a moment.", toast);
        Assert.Equal("⏰ Spending per customer, run now\nLinus still spent the most.", chart.Caption);
        Assert.Contains("Linus │  1000", table.Text, StringComparison.Ordinal);
        Assert.Matches(@"<i>[\d,]+ tokens · [^<]* · scheduled</i>$", table.Text);
        Assert.Equal(0, fixture.Model.PendingReplies);
    }

    [Fact]
    public async Task Delete_AsksFirst_ThenTheScheduleIsGone_AndItsOldButtonsSaySo()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        await CreateDailyAsync(asker, "Spending per customer, deleted");
        var card = await CardAsync(asker);

        var asking = await PressOnCardAsync(asker, card, "🗑 Delete", edits: 1);
        var stillThere = await MineAsync(asker);
        var deleted = await PressOnCardAsync(asker, asking, "🗑 Yes, delete it", edits: 2);
        var late = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, card.MessageId, Data(card, "⏸ Pause"));

        Assert.Contains("Delete it for good?", asking.Text, StringComparison.Ordinal);
        Assert.Equal([["🗑 Yes, delete it", "Keep it"]], Labels(asking));
        Assert.Single(stillThere);
        Assert.StartsWith("🗑 Deleted", deleted.Text, StringComparison.Ordinal);
        Assert.Empty(await MineAsync(asker));
        Assert.Equal("That schedule no longer exists.", await ToastAsync(late));
    }

    [Fact]
    public async Task AnotherPersonsPress_OnACard_FindsNothing()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var stranger = await BotPeople.StandaloneAsync(fixture);
        await CreateDailyAsync(asker, "Spending per customer, not theirs");
        var card = await CardAsync(asker);

        var press = fixture.Telegram.EnqueueCallbackQuery(asker.Id, stranger.Id, card.MessageId, Data(card, "⏸ Pause"));

        Assert.Equal("That schedule no longer exists.", await ToastAsync(press));
        Assert.Equal(ScheduleStatus.Active, Assert.Single(await MineAsync(asker)).Status);
    }

    /// <summary>Makes a daily 09:00 chat-only schedule of a fresh answer through the dialog.</summary>
    private async Task CreateDailyAsync(BotUser asker, string question)
    {
        var dialog = await StartAsync(asker, await AnswerAsync(asker, question));
        var time = await ChooseAsync(asker, dialog, "Every day", edits: 1);
        var delivery = await ChooseAsync(asker, time, "09:00", edits: 2);
        var confirm = await ChooseAsync(asker, delivery, "Chat only", edits: 3);
        var created = await ChooseAsync(asker, confirm, "✅ Create", edits: 4);
        Assert.StartsWith("⏰ Scheduled:", created.Text, StringComparison.Ordinal);
    }

    /// <summary>Sends /schedules and returns the card of the person's one schedule.</summary>
    private async Task<SentMessage> CardAsync(BotUser user) =>
        await user.SayAsync("/schedules", message => message.ReplyMarkup?.Contains("schedules:", StringComparison.Ordinal) == true);

    private async Task<SentMessage> PressOnCardAsync(BotUser user, SentMessage card, string label, int edits)
    {
        user.Press(card, Data(card, label));
        return await DialogAfterAsync(card, edits);
    }
}
