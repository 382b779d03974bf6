using System.Diagnostics;
using System.Net;
using System.Text.Json;
using OrleansAssistant.TestSupport.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>The fake speaks the protocol the production client (Telegram.Bot) expects.</summary>
public sealed class FakeTelegramServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task GetMe_WithAcceptedToken_DescribesTheBot()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var me = await ClientFor(telegram, http).GetMe();

        Assert.True(me.IsBot);
        Assert.Equal(123456, me.Id);
        Assert.Equal(telegram.Bot.Username, me.Username);
        Assert.Equal(["getMe"], telegram.Calls);
    }

    [Fact]
    public async Task GetMe_WithOtherToken_IsUnauthorized()
    {
        await using var telegram = await FakeTelegramServer.StartAsync("999:ANOTHER-token");
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => ClientFor(telegram, http).GetMe());

        Assert.Equal(401, error.ErrorCode);
        Assert.False(Assert.Single(telegram.Requests.Snapshot()).TokenAccepted);
    }

    [Fact]
    public async Task GetUpdates_WithCommand_ReturnsTheUserMessageWithItsEntity()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var messageId = telegram.EnqueueUserMessage(chatId: 42, userId: 7, "/start@orleans_assistant_test_bot now");

        var update = Assert.Single(await ClientFor(telegram, http).GetUpdates(timeout: 0));

        var message = update.Message!;
        Assert.Equal(UpdateType.Message, update.Type);
        Assert.Equal(messageId, message.Id);
        Assert.Equal(42, message.Chat.Id);
        Assert.Equal(ChatType.Private, message.Chat.Type);
        Assert.Equal(7, message.From!.Id);
        Assert.False(message.From.IsBot);
        Assert.Equal("/start@orleans_assistant_test_bot now", message.Text);
        var entity = Assert.Single(message.Entities!);
        Assert.Equal(MessageEntityType.BotCommand, entity.Type);
        Assert.Equal("/start@orleans_assistant_test_bot".Length, entity.Length);
        Assert.True(message.Date > DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task GetUpdates_WithOffset_ConfirmsEarlierUpdates()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var bot = ClientFor(telegram, http);
        telegram.EnqueueUserMessage(42, 7, "first");
        telegram.EnqueueUserMessage(42, 7, "second");

        var both = await bot.GetUpdates(timeout: 0);
        var rest = await bot.GetUpdates(offset: both[0].Id + 1, timeout: 0);
        var none = await bot.GetUpdates(offset: both[1].Id + 1, timeout: 0);

        Assert.Equal(["first", "second"], both.Select(update => update.Message!.Text));
        Assert.Equal("second", Assert.Single(rest).Message!.Text);
        Assert.Empty(none);
    }

    [Fact]
    public async Task GetUpdates_WhenAMessageArrivesDuringTheLongPoll_ReturnsItAtOnce()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();

        var poll = ClientFor(telegram, http).GetUpdates(timeout: 30);
        await telegram.WaitForCallAsync("getUpdates", Patience);
        telegram.EnqueueUserMessage(42, 7, "hello");
        var updates = await poll.WaitAsync(Patience);

        Assert.Equal("hello", Assert.Single(updates).Message!.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"the long poll took {clock.Elapsed}");
    }

    [Fact]
    public async Task GetUpdates_WithNothingQueued_WaitsForTheTimeout()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();

        var updates = await ClientFor(telegram, http).GetUpdates(timeout: 1);

        Assert.Empty(updates);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"returned after {clock.Elapsed}");
    }

    [Fact]
    public async Task SendMessage_WithInlineKeyboard_IsRecordedAndReturnedAsTelegramDoes()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var userMessageId = telegram.EnqueueUserMessage(42, 7, "hi");
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Send", "send:1"));

        var sent = await ClientFor(telegram, http).SendMessage(42, "<b>Preview</b>", ParseMode.Html, replyMarkup: keyboard);

        Assert.True(sent.Id > userMessageId);
        Assert.Equal("<b>Preview</b>", sent.Text);
        Assert.Equal("send:1", sent.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
        var recorded = Assert.Single(telegram.SentMessages);
        Assert.Equal((42L, sent.Id, "<b>Preview</b>", "HTML"), (recorded.ChatId, recorded.MessageId, recorded.Text, recorded.ParseMode));
        Assert.Contains("\"callback_data\":\"send:1\"", recorded.ReplyMarkup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_WithEmptyText_IsABadRequest()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => ClientFor(telegram, http).SendMessage(42, " "));

        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("message text is empty", error.Message, StringComparison.Ordinal);
        Assert.Empty(telegram.SentMessages);
    }

    [Fact]
    public async Task ButtonPress_AnsweredAndMessageEdited_FollowsTheProtocol()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var bot = ClientFor(telegram, http);
        var preview = await bot.SendMessage(42, "Send this e-mail?", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Send", "send")));
        var queryId = telegram.EnqueueCallbackQuery(42, 7, preview.Id, "send");

        var query = Assert.Single(await bot.GetUpdates(timeout: 0)).CallbackQuery!;
        await bot.SendChatAction(42, ChatAction.Typing);
        await bot.AnswerCallbackQuery(query.Id, "Sending…");
        var edited = await bot.EditMessageText(42, preview.Id, "E-mail sent.");
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => bot.AnswerCallbackQuery(query.Id));

        Assert.Equal((queryId, "send", 7L, preview.Id), (query.Id, query.Data, query.From.Id, query.Message!.Id));
        Assert.Equal("E-mail sent.", edited.Text);
        Assert.Null(edited.ReplyMarkup);
        Assert.Equal("E-mail sent.", Assert.Single(telegram.EditedMessageLog.Snapshot()).Text);
        Assert.Equal(400, again.ErrorCode);
    }

    [Fact]
    public async Task SetupCalls_DeleteWebhookAndSetMyCommands_Succeed()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        var bot = ClientFor(telegram, http);

        await bot.DeleteWebhook();
        await bot.SetMyCommands([new BotCommand("start", "Register"), new BotCommand("adddb", "Add a database")]);

        Assert.Equal(["deleteWebhook", "setMyCommands"], telegram.Calls);
        Assert.Contains("\"command\":\"adddb\"", telegram.Requests.Snapshot()[1].Parameters["commands"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawHttp_FormPostAndGet_AnswerInTheBotApiEnvelope()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(telegram.BaseUrl) };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "42",
            ["text"] = "hi",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Go","callback_data":"go"}]]}""",
        });

        using var sent = await http.PostAsync(new Uri($"/bot{FakeTelegramServer.DefaultToken}/sendmessage", UriKind.Relative), form);
        using var me = await http.GetAsync(new Uri($"/bot{FakeTelegramServer.DefaultToken}/getMe", UriKind.Relative));
        using var denied = await http.GetAsync(new Uri("/bot1:wrong/getMe", UriKind.Relative));

        using var sentJson = JsonDocument.Parse(await sent.Content.ReadAsStringAsync());
        Assert.True(sentJson.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(42, sentJson.RootElement.GetProperty("result").GetProperty("chat").GetProperty("id").GetInt64());
        Assert.Contains("\"callback_data\":\"go\"", Assert.Single(telegram.SentMessages).ReplyMarkup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", await denied.Content.ReadAsStringAsync());
        Assert.Equal(["sendMessage", "getMe", "getMe"], telegram.Calls);
    }

    private static TelegramBotClient ClientFor(FakeTelegramServer telegram, HttpClient http) =>
        new(new TelegramBotClientOptions(FakeTelegramServer.DefaultToken, telegram.BaseUrl), http);
}
