using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>Builds the updates Telegram would deliver for what the terminal user types, as a private chat.</summary>
internal sealed class TerminalUpdates(TerminalUser person, TerminalBotClient bot, TimeProvider time)
{
    private int _lastUpdateId;

    private User From => new() { Id = person.Id, FirstName = person.FirstName, LanguageCode = "en" };

    private Chat Chat => new() { Id = person.Id, Type = ChatType.Private, FirstName = person.FirstName };

    /// <param name="replyTo">The bot's message this line replies to (a ForceReply prompt), if any.</param>
    public Update Text(string text, Message? replyTo = null) => new()
    {
        Id = Interlocked.Increment(ref _lastUpdateId),
        Message = new Message { Id = bot.NextMessageId(), Date = time.GetUtcNow().UtcDateTime, Chat = Chat, From = From, Text = text, ReplyToMessage = replyTo },
    };

    public Update Press(Message keyboardMessage, string data) => new()
    {
        Id = Interlocked.Increment(ref _lastUpdateId),
        CallbackQuery = new CallbackQuery
        {
            Id = Interlocked.Increment(ref _lastUpdateId).ToString(CultureInfo.InvariantCulture),
            From = From,
            Message = keyboardMessage,
            ChatInstance = "terminal",
            Data = data,
        },
    };
}
