using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>
/// The Telegram Bot API for one bot, served over real HTTP on 127.0.0.1 so the production client
/// (Telegram.Bot) runs unchanged against it. Tests play the users: they enqueue updates and read
/// what the bot called and sent. Calls with another token get 401, as on Telegram.
/// </summary>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    /// <summary>A token of the shape BotFather hands out.</summary>
    public const string DefaultToken = "123456:TEST-token";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly UpdateQueue _updates;
    private readonly ChatMessages _messages = new();
    private readonly ConcurrentDictionary<string, bool> _openCallbackQueries = new();
    private readonly ConcurrentDictionary<(long ChatId, int MessageId), long> _updateOfMessage = new();
    private readonly FloodControl _floodControl = new();
    private volatile bool _unavailable;

    private FakeTelegramServer(string acceptedToken)
    {
        Bot = BotAccount.ForToken(acceptedToken);
        _updates = new UpdateQueue(UpdateDeliveries);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0"); // the OS picks a free port; BaseUrl reports it
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var messageMethods = new MessageMethods(Bot, _messages, SentMessageLog, EditedMessageLog, ShownMessageLog, DeletedMessageLog, EditedKeyboardLog);
        var fileMethods = new FileMethods(Bot, _messages, SentFileLog, ShownMessageLog);
        var methods = new BotApiMethods(Bot, _updates, _openCallbackQueries, messageMethods, fileMethods, CommandMenuLog, _stopping.Token);
        _app.Map(BotApiEndpoint.Route, new BotApiEndpoint(Bot, methods, Requests, _floodControl, () => _unavailable).HandleAsync);
    }

    /// <summary>The API root to configure as the bot's base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => _app.Urls.Single();

    /// <summary>The bot this server answers for (its token, id and username).</summary>
    public BotAccount Bot { get; }

    /// <summary>While true, every call is answered 502 Bad Gateway, as during a Telegram outage.</summary>
    public bool Unavailable
    {
        get => _unavailable;
        set => _unavailable = value;
    }

    /// <summary>
    /// While true, calls beyond Telegram's flood limits are answered 429 with retry_after (see <see cref="FloodControl"/>):
    /// message methods 5 at once then 1 a second per private chat, 20 a minute per group, 30 a second in all;
    /// chat actions 3 at once then 1 a second per chat.
    /// </summary>
    public bool EnforceFloodLimits
    {
        get => _floodControl.Enforced;
        set => _floodControl.Enforced = value;
    }

    /// <summary>The next <paramref name="method"/> call to <paramref name="chatId"/> is answered 429 "retry after <paramref name="retryAfterSeconds"/>".</summary>
    /// <returns>Completes once that call has been refused.</returns>
    public Task RefuseNextWithTooManyRequests(string method, long chatId, int retryAfterSeconds) => _floodControl.RefuseNext(method, chatId, retryAfterSeconds);

    /// <summary>The user deletes a message in their chat (one of the bot's, too); editing it afterwards fails "message to edit not found".</summary>
    public void DeleteAsUser(long chatId, int messageId) => _messages.Delete(chatId, messageId);

    /// <summary>Every request, in arrival order, including those refused for a wrong token.</summary>
    public RecordedLog<BotApiCall> Requests { get; } = new();

    public RecordedLog<SentMessage> SentMessageLog { get; } = new();

    /// <summary>The new content of each successful editMessageText, in order.</summary>
    public RecordedLog<SentMessage> EditedMessageLog { get; } = new();

    /// <summary>Every text the user was shown, in order: each sendMessage and each successful editMessageText (the new content).</summary>
    public RecordedLog<SentMessage> ShownMessageLog { get; } = new();

    /// <summary>Each successful editMessageReplyMarkup, in order: the message's text and its new reply_markup parameter.</summary>
    public RecordedLog<SentMessage> EditedKeyboardLog { get; } = new();

    /// <summary>Each successful deleteMessage, in order.</summary>
    public RecordedLog<DeletedMessage> DeletedMessageLog { get; } = new();

    /// <summary>Message calls the enforced flood limits answered with 429.</summary>
    public int FloodRefusals => _floodControl.Refusals;

    /// <summary>Photos and documents the bot uploaded, in order, with their bytes and captions.</summary>
    public RecordedLog<SentFile> SentFileLog { get; } = new();

    /// <summary>Each command menu the bot set (setMyCommands), with its scope, in order.</summary>
    public RecordedLog<CommandMenu> CommandMenuLog { get; } = new();

    /// <summary>The commands the menu of private chat <paramref name="chatId"/> lists now, or null when its own menu was never set.</summary>
    public IReadOnlyList<string>? MenuOf(long chatId) =>
        CommandMenuLog.Snapshot().LastOrDefault(menu => menu.ScopeType == "chat" && menu.ChatId == chatId)?.Commands;

    /// <summary>When each update first reached the bot through getUpdates, in hand-out order.</summary>
    public RecordedLog<DeliveredUpdate> UpdateDeliveries { get; } = new();

    /// <summary>Method names of every request, in arrival order.</summary>
    public IReadOnlyList<string> Calls => [.. Requests.Snapshot().Select(call => call.Method)];

    public IReadOnlyList<SentMessage> SentMessages => SentMessageLog.Snapshot();

    /// <param name="acceptedToken">The only token answered; any other gets 401 Unauthorized.</param>
    public static async Task<FakeTelegramServer> StartAsync(string acceptedToken = DefaultToken)
    {
        var server = new FakeTelegramServer(acceptedToken);
        await server._app.StartAsync();
        return server;
    }

    /// <summary>A user writes <paramref name="text"/> to the bot: in a private chat, or in a group when <paramref name="chatId"/> is negative.</summary>
    /// <returns>The id of the user's message.</returns>
    public int EnqueueUserMessage(long chatId, long userId, string text)
    {
        var message = _messages.Add(chatId, messageId => TelegramObjects.Message(messageId, TelegramObjects.Person(userId), chatId, text));
        var messageId = (int)message["message_id"]!;
        _updateOfMessage[(chatId, messageId)] = _updates.Enqueue(_ => new JsonObject { ["message"] = message });
        return messageId;
    }

    /// <summary>A user replies to message <paramref name="replyToMessageId"/> of the chat (e.g. a ForceReply prompt) with <paramref name="text"/>.</summary>
    /// <returns>The id of the user's message.</returns>
    public int EnqueueUserReply(long chatId, long userId, int replyToMessageId, string text)
    {
        var replied = _messages.Find(chatId, replyToMessageId)
            ?? throw new ArgumentException($"No message {replyToMessageId} in chat {chatId} to reply to.", nameof(replyToMessageId));
        var message = _messages.Add(chatId, messageId => TelegramObjects.Message(messageId, TelegramObjects.Person(userId), chatId, text, replyTo: replied));
        var messageId = (int)message["message_id"]!;
        _updateOfMessage[(chatId, messageId)] = _updates.Enqueue(_ => new JsonObject { ["message"] = message });
        return messageId;
    }

    /// <summary>The id of the update that carried a user's message enqueued with <see cref="EnqueueUserMessage"/>.</summary>
    public long UpdateIdOf(long chatId, int messageId) =>
        _updateOfMessage.TryGetValue((chatId, messageId), out var updateId)
            ? updateId
            : throw new ArgumentException($"No user message {messageId} was enqueued in chat {chatId}.", nameof(messageId));

    /// <summary>A user writes <paramref name="text"/> in a group the bot is in.</summary>
    /// <param name="chatId">The group's id; negative, as Telegram's group ids are.</param>
    /// <returns>The id of the user's message.</returns>
    public int EnqueueGroupMessage(long chatId, long userId, string text)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chatId, 0);
        return EnqueueUserMessage(chatId, userId, text);
    }

    /// <summary>A user presses an inline button with <paramref name="data"/> under one of the bot's messages.</summary>
    /// <returns>The callback query id the bot must answer.</returns>
    public string EnqueueCallbackQuery(long chatId, long userId, int messageId, string data)
    {
        var message = _messages.Find(chatId, messageId)
            ?? throw new ArgumentException($"No message {messageId} in chat {chatId} to press a button under.", nameof(messageId));
        var queryId = Guid.NewGuid().ToString("N");
        _openCallbackQueries[queryId] = true;
        _updates.Enqueue(_ => new JsonObject { ["callback_query"] = TelegramObjects.CallbackQuery(queryId, userId, message, data) });
        return queryId;
    }

    public Task<SentMessage> WaitForSentMessageAsync(Func<SentMessage, bool> predicate, TimeSpan timeout) =>
        SentMessageLog.WaitForAsync(predicate, timeout, "matching sendMessage");

    /// <summary>Waits until update <paramref name="updateId"/> has been handed to the bot.</summary>
    public Task<DeliveredUpdate> WaitForDeliveryAsync(long updateId, TimeSpan timeout) =>
        UpdateDeliveries.WaitForAsync(delivery => delivery.UpdateId == updateId, timeout, $"delivery of update {updateId}");

    public Task<BotApiCall> WaitForCallAsync(string method, TimeSpan timeout) =>
        Requests.WaitForAsync(call => call.Method == method, timeout, $"{method} call");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
