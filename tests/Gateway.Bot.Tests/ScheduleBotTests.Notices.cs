using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Schedules.Notices;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>What runs tell the chat, through the real runner and the notice relay: no rows, a failure, a pause, an alert that returns.</summary>
public sealed partial class ScheduleBotTests
{
    [Fact]
    public async Task Report_WithNoRows_SaysNoRowsToday()
    {
        var (asker, shop) = await AskerWithShopAsync();
        await CreateDailyAsync(asker, "Spending per customer, emptied");
        await ChangeShopAsync(shop, "DELETE FROM orders");
        var card = await CardAsync(asker);

        asker.Press(card, Data(card, "▶ Run now"));
        var told = await asker.ReplyAfterAsync(card.MessageId, message => message.Text.StartsWith("⏰ ", StringComparison.Ordinal));

        Assert.Equal("⏰ Spending per customer, emptied: no rows today.", told.Text);
    }

    [Fact]
    public async Task Report_WhoseQueryFails_SaysWhy_AndThatTheNextRunIsAsPlanned()
    {
        var (asker, shop) = await AskerWithShopAsync();
        await CreateDailyAsync(asker, "Spending per customer, broken");
        await ChangeShopAsync(shop, "DROP TABLE orders");
        var card = await CardAsync(asker);

        asker.Press(card, Data(card, "▶ Run now"));
        var told = await asker.ReplyAfterAsync(card.MessageId, message => message.Text.StartsWith("⚠️ Couldn't run", StringComparison.Ordinal));

        Assert.StartsWith("⚠️ Couldn't run Spending per customer, broken because ", told.Text, StringComparison.Ordinal);
        Assert.EndsWith(". The next run is as planned.", told.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WhoseDatabaseWasRemoved_IsPaused_AndTheOwnerIsToldHowToResume()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        await CreateDailyAsync(asker, "Spending per customer, database gone");
        var databaseId = (await fixture.Silo.Grains.GetGrain<IUserGrain>(asker.Id).GetInfoAsync())!.ActiveDatabaseId!;
        Assert.True((await fixture.Silo.Grains.GetGrain<IDatabasesGrain>(0).RemoveAsync(asker.Id, databaseId)).Succeeded);
        var card = await CardAsync(asker);

        asker.Press(card, Data(card, "▶ Run now"));
        var told = await asker.ReplyAfterAsync(card.MessageId, message => message.Text.StartsWith("⏸ Paused", StringComparison.Ordinal));

        Assert.Equal("⏸ Paused Spending per customer, database gone: the database was removed. Resume it with /schedules once that is fixed.", told.Text);
        Assert.Equal(ScheduleStatus.Paused, Assert.Single(await MineAsync(asker)).Status);
    }

    // A return needs a second check in another minute than the crossing's (a manual run counts once a minute), so its
    // notice is written by the notices store the runner uses, as a due check would.
    [Fact]
    public async Task Alert_ThatComesBack_IsWorded_WithItsRule()
    {
        var owner = await BotPeople.StandaloneAsync(fixture);

        await InsertNoticeAsync(owner, ScheduleNoticeKind.AlertReturned,
            new NoticePayload("Orders today", ScheduleKind.Alert, DateTimeOffset.UtcNow, Value: 57, Alert: new AlertRule(AlertCondition.Below, 50)));
        var back = await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == owner.Id, BotTelegramFixture.Patience);

        Assert.Equal("✅ Orders today: back to 57 (alert: below 50).", back.Text);
    }

    [Fact]
    public async Task Report_WhoseWebhookFailed_SaysSoUnderTheTable()
    {
        var owner = await BotPeople.StandaloneAsync(fixture);

        await InsertNoticeAsync(owner, ScheduleNoticeKind.Report, new NoticePayload("Orders per city", ScheduleKind.Report, DateTimeOffset.UtcNow,
            "Ada leads in London.", [new ResultColumn("city", ValueKind.Text), new ResultColumn("best customer", ValueKind.Text)],
            [["London", "Ada"], ["Helsinki", "Linus"]], Error: "the webhook answered 500 three times"));
        var report = await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == owner.Id, BotTelegramFixture.Patience);

        Assert.StartsWith("⏰ Orders per city\nAda leads in London.", report.Text, StringComparison.Ordinal);
        Assert.Contains("<pre>", report.Text, StringComparison.Ordinal);
        Assert.EndsWith("<i>scheduled</i>\n⚠️ Not everything arrived: the webhook answered 500 three times", report.Text, StringComparison.Ordinal);
    }

    private async Task InsertNoticeAsync(BotUser owner, ScheduleNoticeKind kind, NoticePayload payload)
    {
        await using var connection = await fixture.Silo.Services.GetRequiredService<AppDatabase>().OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await fixture.Silo.Services.GetRequiredService<ScheduleNoticeStore>().InsertAsync(transaction,
            new PendingNotice(ScheduleKeys.NewId(), null, owner.Id, owner.Id, kind, payload), DateTimeOffset.UtcNow, CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>A standalone user asking their own shop database, whose file the test may change.</summary>
    private async Task<(BotUser Asker, string Shop)> AskerWithShopAsync()
    {
        var asker = await BotPeople.StandaloneAsync(fixture);
        var shop = await BotShopDatabase.CreateAsync(fixture.SqliteFolder);
        var databases = fixture.Silo.Grains.GetGrain<IDatabasesGrain>(0);
        var added = await databases.AddAsync(asker.Id, "Shop", $"sqlite:///{shop}");
        Assert.True((await databases.SelectAsync(asker.Id, added.Database!.DatabaseId)).Succeeded);
        return (asker, Path.Combine(fixture.SqliteFolder, shop));
    }

    private static async Task ChangeShopAsync(string shop, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={shop};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
