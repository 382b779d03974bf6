using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>A test user in a private chat with the bot: writes, presses buttons and reads what the bot sent back.</summary>
public sealed class BotUser(FakeTelegramServer telegram, long userId)
{
    public long Id => userId;

    /// <summary>Sends <paramref name="text"/> and returns the first reply to it that matches (any reply when no predicate).</summary>
    public async Task<SentMessage> SayAsync(string text, Func<SentMessage, bool>? matching = null)
    {
        var messageId = Write(text);
        return await ReplyAfterAsync(messageId, matching);
    }

    /// <returns>The id of the user's message.</returns>
    public int Write(string text) => telegram.EnqueueUserMessage(userId, userId, text);

    public Task<SentMessage> ReplyAfterAsync(int messageId, Func<SentMessage, bool>? matching = null) =>
        telegram.WaitForSentMessageAsync(
            message => message.ChatId == userId && message.MessageId > messageId && (matching?.Invoke(message) ?? true),
            BotTelegramFixture.Patience);

    /// <summary>The first text shown in this chat after <paramref name="messageId"/> (sent, or edited into a message) that matches.</summary>
    public Task<SentMessage> ShownAfterAsync(int messageId, Func<SentMessage, bool> matching) =>
        telegram.ShownMessageLog.WaitForAsync(message => message.ChatId == userId && message.MessageId > messageId && matching(message),
            BotTelegramFixture.Patience, "matching text shown");

    public void Press(SentMessage message, string data) => telegram.EnqueueCallbackQuery(userId, userId, message.MessageId, data);

    /// <summary>Calls the bot made about this chat.</summary>
    public IReadOnlyList<BotApiCall> Calls(string method) =>
        [.. telegram.Requests.Snapshot().Where(call => call.Method == method && call.Parameters.GetValueOrDefault("chat_id") == userId.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
