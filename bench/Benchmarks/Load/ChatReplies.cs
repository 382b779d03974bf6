using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>Sorts everything the bot sends to the fake Telegram into one mailbox per chat, as it arrives.</summary>
internal sealed class ChatReplies : IAsyncDisposable
{
    private readonly FakeTelegramServer _telegram;
    // The bot answers a press on the database already selected with a toast on the button only, no message.
    private const string AlreadySelectedToast = "Already selected";

    private readonly ConcurrentDictionary<long, ChatMailbox> _mailboxes = new();
    private readonly ConcurrentDictionary<string, long> _presses = new();
    private readonly LogTail<BotApiCall> _calls;
    private readonly LogTail<SentMessage> _sent;
    private readonly Task _reading;

    public ChatReplies(FakeTelegramServer telegram)
    {
        _telegram = telegram;
        _calls = new LogTail<BotApiCall>(telegram.Requests);
        _sent = new LogTail<SentMessage>(telegram.SentMessageLog);
        _reading = Task.WhenAll(Task.Run(() => _calls.RunAsync(Route)), Task.Run(() => _sent.RunAsync(RouteKeyboard)));
    }

    public ChatMailbox For(long chatId) => _mailboxes.GetOrAdd(chatId, _ => new ChatMailbox());

    /// <summary>A button press in <paramref name="chatId"/>: its "already selected" toast is then routed there as the reply.</summary>
    public void Pressed(string callbackQueryId, long chatId) => _presses[callbackQueryId] = chatId;

    public async ValueTask DisposeAsync()
    {
        _calls.Stop();
        _sent.Stop();
        // One message to nobody in particular adds an entry to both logs, which ends both readers.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var url = new Uri($"{_telegram.BaseUrl}/bot{_telegram.Bot.Token}/sendMessage");
        using var _ = await http.PostAsJsonAsync(url, new { chat_id = 1, text = "end of the load run" });
        await _reading.WaitAsync(TimeSpan.FromSeconds(10));
    }

    // Timing comes from the request's arrival (the moment the user would see it), not from when it is read here.
    private void Route(BotApiCall call)
    {
        if (call.Method == "answerCallbackQuery")
        {
            RouteToast(call);
            return;
        }
        if (call.Method is not ("sendMessage" or "editMessageText")) return;
        if (!call.Parameters.TryGetValue("chat_id", out var chat) || !long.TryParse(chat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId)) return;
        if (_mailboxes.TryGetValue(chatId, out var mailbox)) mailbox.Add(new BotReply(call.Method, call.Parameters.GetValueOrDefault("text", ""), call.At));
    }

    private void RouteToast(BotApiCall call)
    {
        if (!call.Parameters.TryGetValue("callback_query_id", out var queryId) || !_presses.TryRemove(queryId, out var chatId)) return;
        var text = call.Parameters.GetValueOrDefault("text", "");
        if (text.StartsWith(AlreadySelectedToast, StringComparison.Ordinal) && _mailboxes.TryGetValue(chatId, out var mailbox)) mailbox.Add(new BotReply(call.Method, text, call.At));
    }

    private void RouteKeyboard(SentMessage message)
    {
        if (message.ReplyMarkup?.Contains(SimulatedUser.SelectButtonPrefix, StringComparison.Ordinal) == true && _mailboxes.TryGetValue(message.ChatId, out var mailbox))
        {
            mailbox.AddKeyboard(message);
        }
    }
}
