using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Users;

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
        Assert.Equal(Grains.Interfaces.Schedules.ScheduleStatus.Paused, Assert.Single(await MineAsync(asker)).Status);
    }

    [Fact]
    public async Task Alert_ThatComesBack_SaysSoOnce()
    {
        var (asker, shop) = await AskerWithShopAsync();
        var dialog = await StartAsync(asker, await AnswerAsync(asker, "How many orders, back above?", OrderCountSql, "There are 3 orders."), "🔔 Alert");
        asker.Press(dialog, Data(dialog, "Below"));
        var prompt = await PromptAsync(dialog, after: dialog.MessageId);
        fixture.Telegram.EnqueueUserReply(asker.Id, asker.Id, prompt.MessageId, "5");
        var check = await DialogAfterAsync(dialog, edits: 2);
        var confirm = await ChooseAsync(asker, check, "Daily at 09:00", edits: 3);
        await ChooseAsync(asker, confirm, "✅ Create", edits: 4);
        var card = await CardAsync(asker);
        asker.Press(card, Data(card, "▶ Run now"));
        var crossed = await asker.ReplyAfterAsync(card.MessageId, message => message.Text.StartsWith("🔔 ", StringComparison.Ordinal));
        await ChangeShopAsync(shop, "INSERT INTO orders SELECT id + 10, customer_id, ordered_at, total FROM orders");
        await ChangeShopAsync(shop, "INSERT INTO orders SELECT id + 100, customer_id, ordered_at, total FROM orders");

        var again = await CardAsync(asker);
        asker.Press(again, Data(again, "▶ Run now"));
        var back = await asker.ReplyAfterAsync(again.MessageId, message => message.Text.StartsWith("✅ ", StringComparison.Ordinal));

        Assert.Equal("🔔 How many orders, back above?: 3 is now below 5.", crossed.Text);
        Assert.Equal("✅ How many orders, back above?: back to 12 (alert: below 5).", back.Text);
    }

    /// <summary>A standalone user asking their own shop database, whose file the test may change.</summary>
    private async Task<(BotUser Asker, string Shop)> AskerWithShopAsync()
    {
        var asker = await BotPeople.StandaloneAsync(fixture);
        var shop = await BotShopDatabase.CreateAsync(fixture.SqliteFolder);
        var databases = fixture.Silo.Grains.GetGrain<IDatabasesGrain>(0);
        var added = await databases.AddAsync(asker.Id, "Shop", $"sqlite:///{shop}");
        Assert.True((await databases.SelectAsync(asker.Id, added.Database!.DatabaseId)).Succeeded);
        return (asker, shop);
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
