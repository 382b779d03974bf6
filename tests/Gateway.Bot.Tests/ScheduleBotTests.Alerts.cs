using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>[🔔 Alert] under an answer that is one number: condition, threshold, check rhythm, and what the chat is told.</summary>
public sealed partial class ScheduleBotTests
{
    [Fact]
    public async Task AlertDialog_BelowFifty_Every15Minutes_CreatesTheAlert_AndRunNowTellsItIsBelow()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var dialog = await StartAsync(asker, await AnswerAsync(asker, "How many orders, alert below 50?", OrderCountSql, "There are 3 orders."), "🔔 Alert");
        var check = await TypeAsync(asker, dialog, dialog, "Below", "50", edits: 2);
        var confirm = await ChooseAsync(asker, check, "Every 15 min", edits: 3);
        var created = await ChooseAsync(asker, confirm, "✅ Create", edits: 4);
        var card = await CardAsync(asker);
        asker.Press(card, Data(card, "▶ Run now"));
        var told = await asker.ReplyAfterAsync(card.MessageId, message => message.Text.StartsWith("🔔 ", StringComparison.Ordinal));

        Assert.Equal(["Above", "Below", "Changes", "✖ Cancel"], Labels(dialog).SelectMany(row => row));
        Assert.Equal(["Every 15 min", "Hourly", "Daily at 09:00", "✖ Cancel"], Labels(check).SelectMany(row => row));
        Assert.StartsWith("🔔 Alert set: How many orders, alert below 50? — when it is below 50, checked every 15 minutes (UTC).", created.Text, StringComparison.Ordinal);
        var alert = Assert.Single(await MineAsync(asker));
        Assert.Equal((ScheduleKind.Alert, new AlertRule(AlertCondition.Below, 50), RhythmKind.Cron, "*/15 * * * *"),
            (alert.Kind, alert.Alert, alert.Rhythm.Kind, alert.Rhythm.CronText));
        Assert.Equal("🔔 How many orders, alert below 50?: 3 is now below 50.", told.Text);
    }

    [Fact]
    public async Task AlertDialog_Changes_OffersTheCurrentValue_AsTheThreshold()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var dialog = await StartAsync(asker, await AnswerAsync(asker, "How many orders, alert on change?", OrderCountSql, "There are 3 orders."), "🔔 Alert");

        var threshold = await ChooseAsync(asker, dialog, "Changes", edits: 1);
        var check = await ChooseAsync(asker, threshold, "From 3 (its value now)", edits: 2);
        var confirm = await ChooseAsync(asker, check, "Hourly", edits: 3);
        var created = await ChooseAsync(asker, confirm, "✅ Create", edits: 4);

        Assert.Contains("when it changes from 3, checked every hour (UTC)", created.Text, StringComparison.Ordinal);
        var alert = Assert.Single(await MineAsync(asker));
        Assert.Equal((new AlertRule(AlertCondition.ChangesFrom, 3), "0 * * * *"), (alert.Alert, alert.Rhythm.CronText));
    }
}
