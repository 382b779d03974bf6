using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>
/// 👍 / 👎 under answers, through the fake Telegram and a real silo: one row of buttons with [More ▾], the verdict
/// marked in place and stored, a 👎's reason as a reply to the bot's prompt, and the verify offer for curators.
/// </summary>
[Collection(BotTelegramCollection.Name)]
public sealed class FeedbackTests(BotTelegramFixture fixture)
{
    private const string SpendSql = "SELECT c.name, sum(o.total) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY spent DESC";

    [Fact]
    public async Task AnswerWithRows_ShowsOneRowWithMore_AndMoreOpensTheRestInTheFixedOrder()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AskAsync(asker, "Spending per customer, with buttons");

        var more = Button(answer.ReplyMarkup, "More ▾");
        asker.Press(answer, more);
        var opened = await KeyboardAfterAsync(answer, edits: 1);
        asker.Press(answer, Button(opened.ReplyMarkup, "Less ▴"));
        var closed = await KeyboardAfterAsync(answer, edits: 2);

        Assert.Equal([["👍", "👎", "⬇ CSV", "More ▾"]], Rows(answer.ReplyMarkup));
        Assert.Equal([["👍", "👎", "⬇ CSV", "Less ▴"], ["⬇ Excel", "⬇ JSON", "⏰ Schedule"]], Rows(opened.ReplyMarkup));
        Assert.Equal(Rows(answer.ReplyMarkup), Rows(closed.ReplyMarkup));
        Assert.All(Data(opened.ReplyMarkup), data => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(data), 1, 64));
    }

    [Fact]
    public async Task AnswerWithNoRows_ShowsOnlyTheFeedbackButtons()
    {
        var asker = await BotPeople.AskerAsync(fixture);

        var answer = await AskAsync(asker, "Customers called Nobody", "SELECT name FROM customers WHERE name = 'Nobody'", "Nobody by that name.");

        Assert.Equal([["👍", "👎"]], Rows(answer.ReplyMarkup));
    }

    [Fact]
    public async Task ThumbsUp_IsStoredAndMarked_AndChangingToThumbsDownIsStoredToo()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AskAsync(asker, "Spending per customer, rated");
        var conversationId = ConversationOf(answer);

        var up = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, answer.MessageId, Button(answer.ReplyMarkup, "👍"));
        Assert.Equal("Thanks!", (await CallbackAnswerAsync(up)).GetValueOrDefault("text"));
        var marked = await KeyboardAfterAsync(answer, edits: 1);
        var storedUp = await VerdictAsync(conversationId);
        var down = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, answer.MessageId, Button(marked.ReplyMarkup, "👎"));
        await CallbackAnswerAsync(down);
        var remarked = await KeyboardAfterAsync(answer, edits: 2);

        Assert.Equal([["👍 ✓", "👎", "⬇ CSV", "More ▾"]], Rows(marked.ReplyMarkup));
        Assert.Equal(1, storedUp);
        Assert.Equal([["👍", "👎 ✓", "⬇ CSV", "More ▾"]], Rows(remarked.ReplyMarkup));
        Assert.Equal(-1, await VerdictAsync(conversationId));
    }

    [Fact]
    public async Task ThumbsDown_AsksWhy_AReplyIsStored_AndALaterMessageIsAQuestionAgain()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AskAsync(asker, "Spending per customer, wrongly");
        var conversationId = ConversationOf(answer);

        asker.Press(answer, Button(answer.ReplyMarkup, "👎"));
        var prompt = await asker.ReplyAfterAsync(answer.MessageId, message => message.Text.StartsWith("What was wrong?", StringComparison.Ordinal));
        var again = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, answer.MessageId, Button(answer.ReplyMarkup, "👎"));
        Assert.Equal("Already noted.", (await CallbackAnswerAsync(again)).GetValueOrDefault("text"));
        var reply = fixture.Telegram.EnqueueUserReply(asker.Id, asker.Id, prompt.MessageId, "Ada's total is missing\nsecond line is dropped");
        var thanks = await asker.ReplyAfterAsync(reply);
        fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = "Still here." }, 10, 5);
        var later = asker.Write("Are you still there?");
        var answered = await asker.ShownAfterAsync(later, message => message.Text.Contains("Still here.", StringComparison.Ordinal));

        using (var markup = JsonDocument.Parse(prompt.ReplyMarkup!))
        {
            Assert.True(markup.RootElement.GetProperty("force_reply").GetBoolean());
        }
        Assert.Equal(answer.MessageId, prompt.ReplyToMessageId);
        Assert.Equal(("Thanks, noted.", reply), (thanks.Text, thanks.ReplyToMessageId));
        Assert.Equal("Ada's total is missing", await ReasonAsync(conversationId));
        Assert.NotNull(answered);
        Assert.Single(fixture.Telegram.SentMessages, message => message.ChatId == asker.Id && message.Text.StartsWith("What was wrong?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplyToAnotherBotMessage_IsAQuestion_NotAReason()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AskAsync(asker, "Spending per customer, then a follow-up");
        fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = "A follow-up answer." }, 10, 5);

        var followUp = fixture.Telegram.EnqueueUserReply(asker.Id, asker.Id, answer.MessageId, "And what about last year?");
        var answered = await asker.ShownAfterAsync(followUp, message => message.Text.Contains("A follow-up answer.", StringComparison.Ordinal));

        Assert.NotNull(answered);
        Assert.Null(await VerdictAsync(ConversationOf(answer)));
    }

    [Fact]
    public async Task InAGroup_AnotherPersonsPress_ChangesNothing()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var other = await BotPeople.StandaloneAsync(fixture);
        var group = -asker.Id;
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = SpendSql, answer = "Spending per customer." }, 100, 10);
        fixture.Model.EnqueueText("Linus spent the most.", 200, 20);
        var question = fixture.Telegram.EnqueueGroupMessage(group, asker.Id, "Spending per customer, in the group");
        var answer = await fixture.Telegram.ShownMessageLog.WaitForAsync(message => message.ChatId == group && message.MessageId > question
            && message.ReplyMarkup?.Contains("answer:rate:", StringComparison.Ordinal) == true, BotTelegramFixture.Patience, "the group's answer");

        var press = fixture.Telegram.EnqueueCallbackQuery(group, other.Id, answer.MessageId, Button(answer.ReplyMarkup, "👎"));

        Assert.Equal("Only the person who asked can rate this answer.", (await CallbackAnswerAsync(press)).GetValueOrDefault("text"));
        Assert.Null(await VerdictAsync(ConversationOf(answer)));
        Assert.DoesNotContain(fixture.Telegram.EditedKeyboardLog.Snapshot(), edit => edit.ChatId == group);
        Assert.DoesNotContain(fixture.Telegram.SentMessages, message => message.ChatId == group && message.Text.StartsWith("What was wrong?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InAGroup_TheAskersThumbsDown_AsksThemByName_AndOnlyTheirReplyIsTheReason()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var other = await BotPeople.StandaloneAsync(fixture);
        var group = -asker.Id;
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = SpendSql, answer = "Spending per customer." }, 100, 10);
        fixture.Model.EnqueueText("Linus spent the most.", 200, 20);
        var question = fixture.Telegram.EnqueueGroupMessage(group, asker.Id, "Spending per customer, judged in the group");
        var answer = await fixture.Telegram.ShownMessageLog.WaitForAsync(message => message.ChatId == group && message.MessageId > question
            && message.ReplyMarkup?.Contains("answer:rate:", StringComparison.Ordinal) == true, BotTelegramFixture.Patience, "the group's answer");

        fixture.Telegram.EnqueueCallbackQuery(group, asker.Id, answer.MessageId, Button(answer.ReplyMarkup, "👎"));
        var prompt = await fixture.Telegram.WaitForSentMessageAsync(
            message => message.ChatId == group && message.Text.Contains("what was wrong?", StringComparison.Ordinal),
            BotTelegramFixture.Patience);
        // Someone else's reply is their question (they have no database yet, so they are told to choose one).
        var othersReply = fixture.Telegram.EnqueueUserReply(group, other.Id, prompt.MessageId, "I think it is fine");
        var toOther = await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == group && message.ReplyToMessageId == othersReply,
            BotTelegramFixture.Patience);
        var reply = fixture.Telegram.EnqueueUserReply(group, asker.Id, prompt.MessageId, "Grace is missing");
        var thanks = await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == group && message.ReplyToMessageId == reply, BotTelegramFixture.Patience);

        Assert.StartsWith($"<a href=\"tg://user?id={asker.Id}\">User{asker.Id}</a>, what was wrong?", prompt.Text, StringComparison.Ordinal);
        using (var markup = JsonDocument.Parse(prompt.ReplyMarkup!))
        {
            Assert.True(markup.RootElement.GetProperty("selective").GetBoolean());
        }
        Assert.Contains("/selectdb", toOther.Text, StringComparison.Ordinal);
        Assert.Equal("Thanks, noted.", thanks.Text);
        Assert.Equal("Grace is missing", await ReasonAsync(ConversationOf(answer)));
    }

    [Theory]
    [InlineData("answer:rate:meh:{0}")]
    [InlineData("answer:rate:up:{0};DROP")]
    [InlineData("answer:more:ff:{0}")]
    [InlineData("answer:less:0x1f:{0}")]
    [InlineData("answer:verify:")]
    [InlineData("answer:")]
    public async Task ForgedOrOldData_IsAnsweredOnTheButtonOnly_AndChangesNothing(string forged)
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AskAsync(asker, "Spending per customer, forged presses");
        var conversationId = ConversationOf(answer);

        var data = string.Format(CultureInfo.InvariantCulture, forged, conversationId);
        var press = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, answer.MessageId, data);
        var unknown = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, answer.MessageId, "answer:rate:up:tg_1_404");

        Assert.Equal("This button no longer works.", (await CallbackAnswerAsync(press)).GetValueOrDefault("text"));
        Assert.Equal("Only the person who asked can rate this answer.", (await CallbackAnswerAsync(unknown)).GetValueOrDefault("text"));
        Assert.Null(await VerdictAsync(conversationId));
        Assert.DoesNotContain(fixture.Telegram.EditedKeyboardLog.Snapshot(), edit => edit.ChatId == asker.Id);
    }

    [Fact]
    public async Task OwnersThumbsUp_OnTheirOwnDatabase_OffersToVerify()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AskAsync(asker, "Spending per customer, worth keeping");

        asker.Press(answer, Button(answer.ReplyMarkup, "👍"));
        var offer = await asker.ReplyAfterAsync(answer.MessageId, message => message.ReplyMarkup?.Contains("answer:verify:", StringComparison.Ordinal) == true);

        Assert.Contains("<b>Shop</b>", offer.Text, StringComparison.Ordinal);
        Assert.Contains("without the model writing it", offer.Text, StringComparison.Ordinal);
        Assert.Equal([["✓ Verify"]], Rows(offer.ReplyMarkup));
        Assert.Equal(answer.MessageId, offer.ReplyToMessageId);
    }

    [Fact]
    public async Task PressingVerify_AddsTheAnswerToTheLibrary_AndTheOfferSaysSo()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AskAsync(asker, "Spending per customer, verified");
        asker.Press(answer, Button(answer.ReplyMarkup, "👍"));
        var offer = await asker.ReplyAfterAsync(answer.MessageId, message => message.ReplyMarkup?.Contains("answer:verify:", StringComparison.Ordinal) == true);

        var press = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, offer.MessageId, Button(offer.ReplyMarkup, "✓ Verify"));
        Assert.Equal("Verified", (await CallbackAnswerAsync(press)).GetValueOrDefault("text"));
        var verified = await fixture.Telegram.EditedMessageLog.WaitForAsync(edit => edit.ChatId == asker.Id && edit.MessageId == offer.MessageId,
            BotTelegramFixture.Patience, "the offer's outcome");
        var again = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, offer.MessageId, Button(offer.ReplyMarkup, "✓ Verify"));

        Assert.StartsWith("✓ Verified.", verified.Text, StringComparison.Ordinal);
        Assert.Null(verified.ReplyMarkup);
        Assert.Equal("Already verified.", (await CallbackAnswerAsync(again)).GetValueOrDefault("text"));
        var library = await LibraryAsync(asker);
        var example = Assert.Single(library.Examples);
        Assert.Equal(("Spending per customer, verified", SpendSql, ConversationOf(answer), asker.Id),
            (example.Question, example.Sql, example.SourceConversationId, example.VerifiedBy));
    }

    [Fact]
    public async Task VerifiedQuestion_AskedAgain_SaysWhoCheckedIt_CanBeRated_AndStatsCountIt()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var answer = await AskAsync(asker, "Spending per customer, asked every week");
        asker.Press(answer, Button(answer.ReplyMarkup, "👍"));
        var offer = await asker.ReplyAfterAsync(answer.MessageId, message => message.ReplyMarkup?.Contains("answer:verify:", StringComparison.Ordinal) == true);
        asker.Press(offer, Button(offer.ReplyMarkup, "✓ Verify"));
        await fixture.Telegram.EditedMessageLog.WaitForAsync(edit => edit.ChatId == asker.Id && edit.MessageId == offer.MessageId,
            BotTelegramFixture.Patience, "the offer's outcome");
        var modelCalls = fixture.Model.Requests.Count;
        fixture.Model.EnqueueText("Linus still spent the most.", 200, 20);

        var repeat = asker.Write("Spending per customer, asked every week");
        var second = await asker.ShownAfterAsync(repeat, message => message.ReplyMarkup?.Contains("answer:rate:", StringComparison.Ordinal) == true);
        var stats = await asker.SayAsync("/stats");

        Assert.Matches($@"<i>✓ Verified query — checked by User{asker.Id} on \d{{1,2}} [A-Z][a-z]{{2}} \d{{4}}
[\d,]+ tokens · ", second.Text);
        Assert.Equal([["👍", "👎", "⬇ CSV", "More ▾"]], Rows(second.ReplyMarkup));
        Assert.Equal(modelCalls + 1, fixture.Model.Requests.Count);
        Assert.Matches(@"Answered from verified queries: 1 \(≈ [\d,]+ tokens saved\)", stats.Text);
    }

    [Fact]
    public async Task VerifyingAWriteStatement_IsRefused_AndTheLibraryStaysEmpty()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var databaseId = (await fixture.Silo.Grains.GetGrain<IUserGrain>(asker.Id).GetInfoAsync())!.ActiveDatabaseId!;
        // An answer recorded with a statement that writes, as no guarded question could ever have run it.
        var conversationId = $"tg_{asker.Id}_{Random.Shared.Next(1, 1_000_000)}";
        var at = DateTimeOffset.UtcNow;
        await fixture.Silo.Services.GetRequiredService<ConversationLedger>().RecordAsync(
            new ConversationRecord(conversationId, asker.Id, asker.Id, null, databaseId, "Remove the customers", "SqlQuery", "Answered", "Done.", null, at, at, 10),
            [],
            new HistoryTurnRecord(asker.Id, asker.Id, conversationId, "Remove the customers", "Done.", "DELETE FROM customers", 0, "SqlQuery", at),
            CancellationToken.None);
        var info = await asker.SayAsync("/myinfo");
        asker.Press(info, $"answer:rate:up:{conversationId}");
        var offer = await asker.ReplyAfterAsync(info.MessageId, message => message.ReplyMarkup?.Contains("answer:verify:", StringComparison.Ordinal) == true);

        asker.Press(offer, Button(offer.ReplyMarkup, "✓ Verify"));
        var refused = await fixture.Telegram.EditedMessageLog.WaitForAsync(edit => edit.ChatId == asker.Id && edit.MessageId == offer.MessageId,
            BotTelegramFixture.Patience, "the offer's outcome");

        Assert.StartsWith("This SQL cannot be verified: only queries that read data can be", refused.Text, StringComparison.Ordinal);
        Assert.Empty((await LibraryAsync(asker)).Examples);
    }

    [Fact]
    public async Task MembersThumbsUp_OnTheOrganizationsDatabase_OffersNothing()
    {
        var owner = await BotPeople.OwnerAsync(fixture);
        var member = await BotPeople.StandaloneAsync(fixture);
        var grains = fixture.Silo.Grains;
        var invitation = await grains.GetGrain<IMembershipGrain>(0).CreateInvitationAsync(owner.Id, 1, 1);
        Assert.True((await grains.GetGrain<IMembershipGrain>(0).JoinAsync(member.Id, invitation.Invitation!.Code)).Succeeded);
        var added = await grains.GetGrain<IDatabasesGrain>(0).AddAsync(owner.Id, "Team shop", $"sqlite:///{await BotShopDatabase.CreateAsync(fixture.SqliteFolder)}");
        Assert.True((await grains.GetGrain<IDatabasesGrain>(0).SelectAsync(member.Id, added.Database!.DatabaseId)).Succeeded);
        var answer = await AskAsync(member, "Spending per customer, asked by a member");

        var press = fixture.Telegram.EnqueueCallbackQuery(member.Id, member.Id, answer.MessageId, Button(answer.ReplyMarkup, "👍"));
        await CallbackAnswerAsync(press);
        await KeyboardAfterAsync(answer, edits: 1);
        var marker = await member.SayAsync("/myinfo");

        Assert.Equal(1, await VerdictAsync(ConversationOf(answer)));
        Assert.DoesNotContain(fixture.Telegram.SentMessages, message => message.ChatId == member.Id && message.MessageId < marker.MessageId
            && message.ReplyMarkup?.Contains("answer:verify:", StringComparison.Ordinal) == true);
    }

    private async Task<LibraryView> LibraryAsync(BotUser owner)
    {
        var grains = fixture.Silo.Grains;
        var databaseId = (await grains.GetGrain<IUserGrain>(owner.Id).GetInfoAsync())!.ActiveDatabaseId!;
        var principal = await grains.GetGrain<IUserGrain>(owner.Id).GetPrincipalAsync();
        return await grains.GetGrain<IVerifiedQueriesGrain>(VerifiedQueryKeys.KeyOf(databaseId)).ViewAsync(principal!)
            ?? throw new InvalidOperationException("The owner may not curate their own database.");
    }

    private async Task<SentMessage> AskAsync(BotUser asker, string question, string sql = SpendSql, string answer = "Linus spent the most.")
    {
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql, answer = "Looking." }, 100, 10);
        fixture.Model.EnqueueText(answer, 200, 20);
        var questionId = asker.Write(question);
        return await asker.ShownAfterAsync(questionId, message => message.ReplyMarkup?.Contains("answer:rate:", StringComparison.Ordinal) == true);
    }

    /// <summary>The keyboard of <paramref name="answer"/> after its <paramref name="edits"/>-th change in place.</summary>
    private async Task<SentMessage> KeyboardAfterAsync(SentMessage answer, int edits)
    {
        await fixture.Telegram.EditedKeyboardLog.WaitForAsync(
            _ => fixture.Telegram.EditedKeyboardLog.Snapshot().Count(edit => edit.ChatId == answer.ChatId && edit.MessageId == answer.MessageId) >= edits,
            BotTelegramFixture.Patience, $"keyboard edit {edits} of message {answer.MessageId}");
        return fixture.Telegram.EditedKeyboardLog.Snapshot().Where(edit => edit.ChatId == answer.ChatId && edit.MessageId == answer.MessageId).ElementAt(edits - 1);
    }

    private async Task<IReadOnlyDictionary<string, string>> CallbackAnswerAsync(string queryId) =>
        (await fixture.Telegram.Requests.WaitForAsync(
            call => call.Method == "answerCallbackQuery" && call.Parameters.GetValueOrDefault("callback_query_id") == queryId,
            BotTelegramFixture.Patience, $"answer to press {queryId}")).Parameters;

    private static List<List<string>> Rows(string? markup)
    {
        using var json = JsonDocument.Parse(markup!);
        return [.. json.RootElement.GetProperty("inline_keyboard").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(button => button.GetProperty("text").GetString()!).ToList())];
    }

    private static List<string> Data(string? markup)
    {
        using var json = JsonDocument.Parse(markup!);
        return [.. json.RootElement.GetProperty("inline_keyboard").EnumerateArray().SelectMany(row => row.EnumerateArray())
            .Select(button => button.GetProperty("callback_data").GetString()!)];
    }

    private static string Button(string? markup, string label)
    {
        using var json = JsonDocument.Parse(markup!);
        return json.RootElement.GetProperty("inline_keyboard").EnumerateArray().SelectMany(row => row.EnumerateArray())
            .Single(button => button.GetProperty("text").GetString() == label).GetProperty("callback_data").GetString()!;
    }

    /// <summary>The answer's conversation id, as its buttons carry it.</summary>
    private static string ConversationOf(SentMessage answer) => Button(answer.ReplyMarkup, "👍")["answer:rate:up:".Length..];

    private async Task<long?> VerdictAsync(string conversationId) =>
        await ScalarAsync("SELECT Verdict FROM AnswerFeedback WHERE ConversationId = $id", conversationId) is { } verdict
            ? Convert.ToInt64(verdict, CultureInfo.InvariantCulture)
            : null;

    private async Task<string?> ReasonAsync(string conversationId) =>
        await ScalarAsync("SELECT Reason FROM AnswerFeedback WHERE ConversationId = $id", conversationId) as string;

    private async Task<object?> ScalarAsync(string sql, string conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.AppDatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? value : null;
    }
}
