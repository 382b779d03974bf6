using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Texts a first-time user reads must say what really happened: refusals, whose a database is, /help, tables, buttons.</summary>
public sealed partial class TelegramCommandTests
{
    [Fact]
    public async Task GuardRefusal_OfAWrite_SaysOnlyReadsRun_ShowsTheSql_AndSpendsNoRepairRound()
    {
        var asker = await BotPeople.StandaloneAsync(fixture);
        var shop = await BotShopDatabase.CreateAsync(fixture.SqliteFolder);
        var added = await fixture.Silo.Grains.GetGrain<IDatabasesGrain>(0).AddAsync(asker.Id, "Shop", $"sqlite:///{shop}");
        Assert.True(added.IsSelected, added.Message);
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = "DELETE FROM orders WHERE total < 100", answer = (string?)null }, 100, 10);
        var modelCalls = fixture.Model.Requests.Count;

        var question = asker.Write("Remove the small orders");
        var reply = await ShownAsync(asker, question, message => message.Text.Contains("read data", StringComparison.Ordinal));

        Assert.StartsWith("I can only run queries that read data", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was run", reply.Text, StringComparison.Ordinal);
        Assert.Contains("<pre>DELETE FROM orders WHERE total &lt; 100</pre>", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn't build", reply.Text, StringComparison.Ordinal);
        Assert.Equal(modelCalls + 1, fixture.Model.Requests.Count);
        Assert.Equal(3, await OrderCountAsync(shop));
    }

    [Fact]
    public async Task AddDb_First_IsActiveAndPersonal_Second_LeavesTheChoiceAsItWas()
    {
        var person = await BotPeople.StandaloneAsync(fixture);

        var first = await person.SayAsync($"/adddb Shop sqlite:///{await BotShopDatabase.CreateAsync(fixture.SqliteFolder)}");
        var second = await person.SayAsync($"/adddb Depot sqlite:///{await BotShopDatabase.CreateAsync(fixture.SqliteFolder)}");

        Assert.Contains("Database <b>Shop</b> added", first.Text, StringComparison.Ordinal);
        Assert.Contains("It is personal: only you can ask about it", first.Text, StringComparison.Ordinal);
        Assert.Contains("Your questions now go to it.", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/selectdb", first.Text, StringComparison.Ordinal);
        Assert.Contains("Your questions still go to the database you chose before; switch with /selectdb.", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDb_ByAnOwner_IsSharedWithTheOrganization_WhileOneAddedBeforeStaysTheirs()
    {
        var owner = await BotPeople.StandaloneAsync(fixture);
        var before = await owner.SayAsync($"/adddb Mine sqlite:///{await BotShopDatabase.CreateAsync(fixture.SqliteFolder)}");
        Assert.True((await fixture.Silo.Grains.GetGrain<IMembershipGrain>(0).CreateOrganizationAsync(owner.Id, $"Acme {owner.Id}")).Succeeded);

        var shared = await owner.SayAsync($"/adddb Team sqlite:///{await BotShopDatabase.CreateAsync(fixture.SqliteFolder)}");
        var help = await owner.SayAsync("/help");

        Assert.Contains("It is personal", before.Text, StringComparison.Ordinal);
        Assert.Contains($"It is shared with your organization <b>Acme {owner.Id}</b>: every member can ask about it.", shared.Text, StringComparison.Ordinal);
        Assert.Contains("Your questions still go to the database you chose before", shared.Text, StringComparison.Ordinal);
        Assert.Contains("Databases you add with /adddb are shared with your organization", help.Text, StringComparison.Ordinal);
        Assert.Contains("Databases you added before /createorg stay personal.", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ExplainsQueueingAndThatAStandalonePersonsDatabasesArePersonal()
    {
        var person = await BotPeople.StandaloneAsync(fixture);

        var help = (await person.SayAsync("/help")).Text;

        Assert.Contains("Questions sent while I am answering one wait their turn, up to 3", help, StringComparison.Ordinal);
        Assert.Contains("I tell you I did not take them", help, StringComparison.Ordinal);
        Assert.Contains("Databases you add with /adddb are personal", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WideTable_SplitOverSeveralMessages_RepeatsItsHeaderInEach()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        const string sql = "SELECT c.name AS customer, hex(zeroblob(30)) AS wide_a, hex(zeroblob(30)) AS wide_b, hex(zeroblob(30)) AS wide_c, "
            + "hex(zeroblob(30)) AS wide_d FROM customers c CROSS JOIN orders o CROSS JOIN customers d";
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql, answer = (string?)null }, 100, 10);
        fixture.Model.EnqueueText("Here is every pairing.", 100, 10);

        var question = asker.Write("Show me every pairing, wide");
        await ShownAsync(asker, question, message => message.Text.Contains("… and 7 more rows", StringComparison.Ordinal));

        var tableParts = Shown(asker, question).Where(message => message.Text.Contains("<pre>", StringComparison.Ordinal)).ToList();
        Assert.True(tableParts.Count >= 2, string.Join("\n---\n", tableParts.Select(part => part.Text)));
        Assert.All(tableParts, part => Assert.Contains("<pre>customer │ wide_a", part.Text, StringComparison.Ordinal));
        Assert.All(tableParts, part => Assert.InRange(part.Text.Length, 1, 4096));
        Assert.Equal(20, tableParts.Sum(part => part.Text.Split('\n').Count(line => line.StartsWith("Ada ", StringComparison.Ordinal)
            || line.StartsWith("Grace ", StringComparison.Ordinal) || line.StartsWith("Linus ", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task SendEmail_PressedTwice_GivesOneBubble_AndTheSecondPressOnlyAToast()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var subject = $"Twice pressed {asker.Id}";
        fixture.Model.EnqueueJson(new { way = "Email", sql = (string?)null, answer = (string?)null }, 100, 10);
        fixture.Model.EnqueueJson(new { to = new[] { "boss@example.com" }, subject, body = "Hello." }, 100, 40);
        await asker.SayAsync("E-mail hello to boss@example.com");
        var draft = await fixture.Telegram.WaitForSentMessageAsync(
            message => message.ChatId == asker.Id && message.Text.Contains(subject, StringComparison.Ordinal) && message.ReplyMarkup is not null,
            BotTelegramFixture.Patience);
        var send = Buttons(draft).Single(button => button.Text == "Send e-mail").Data;

        var firstPress = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, draft.MessageId, send);
        var secondPress = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, draft.MessageId, send);
        var firstAnswer = await CallbackAnswerAsync(firstPress);
        var secondAnswer = await CallbackAnswerAsync(secondPress);
        await fixture.Telegram.WaitForSentMessageAsync(
            message => message.ChatId == asker.Id && message.Text.Contains("was sent to boss@example.com", StringComparison.Ordinal),
            BotTelegramFixture.Patience);

        var bubbles = fixture.Telegram.SentMessages.Where(message => message.ChatId == asker.Id && message.MessageId > draft.MessageId).ToList();
        Assert.Single(bubbles, bubble => bubble.Text.StartsWith("Sending the e-mail", StringComparison.Ordinal));
        Assert.Single(bubbles, bubble => bubble.Text.Contains("was sent to", StringComparison.Ordinal));
        Assert.Equal(2, bubbles.Count);
        Assert.StartsWith("Sending the e-mail", firstAnswer.GetValueOrDefault("text"), StringComparison.Ordinal);
        Assert.Equal("This e-mail was already sent or is on its way.", secondAnswer.GetValueOrDefault("text"));
        Assert.Single(fixture.Smtp.ReceivedWithSubject(subject));
    }

    [Fact]
    public async Task SelectDb_SameDatabasePressedAgain_OnlyAToast()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var choice = await asker.SayAsync("/selectdb", message => message.ReplyMarkup is not null);
        var shop = Buttons(choice).Single(button => button.Text == "Shop").Data;

        var press = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, choice.MessageId, shop);
        var answer = await CallbackAnswerAsync(press);
        var marker = await asker.SayAsync("/myinfo");

        Assert.Equal("Already selected: your questions go to this database.", answer.GetValueOrDefault("text"));
        Assert.DoesNotContain(fixture.Telegram.SentMessages, message => message.ChatId == asker.Id
            && message.MessageId > choice.MessageId && message.MessageId < marker.MessageId);
    }

    /// <summary>The first message shown in the chat after <paramref name="afterMessageId"/>, sent or edited in, that matches.</summary>
    private async Task<SentMessage> ShownAsync(BotUser user, int afterMessageId, Func<SentMessage, bool> matching)
    {
        bool Wanted(SentMessage message) => message.ChatId == user.Id && message.MessageId > afterMessageId && matching(message);
        var telegram = fixture.Telegram;
        var sent = telegram.SentMessageLog.WaitForAsync(Wanted, BotTelegramFixture.Patience, "matching message");
        var edited = telegram.EditedMessageLog.WaitForAsync(Wanted, BotTelegramFixture.Patience, "matching edit");
        var first = await Task.WhenAny(sent, edited);
        return first.IsCompletedSuccessfully ? first.Result : await (first == sent ? edited : sent);
    }

    /// <summary>What the chat shows after <paramref name="afterMessageId"/>: each message in its latest version.</summary>
    private IEnumerable<SentMessage> Shown(BotUser user, int afterMessageId) =>
        fixture.Telegram.SentMessageLog.Snapshot().Concat(fixture.Telegram.EditedMessageLog.Snapshot())
            .Where(message => message.ChatId == user.Id && message.MessageId > afterMessageId)
            .GroupBy(message => message.MessageId)
            .Select(versions => versions.Last());

    private async Task<IReadOnlyDictionary<string, string>> CallbackAnswerAsync(string queryId) =>
        (await fixture.Telegram.Requests.WaitForAsync(
            call => call.Method == "answerCallbackQuery" && call.Parameters.GetValueOrDefault("callback_query_id") == queryId,
            BotTelegramFixture.Patience, $"answer to press {queryId}")).Parameters;

    private async Task<long> OrderCountAsync(string shopFile)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.SqliteFolder, shopFile)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM orders";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
