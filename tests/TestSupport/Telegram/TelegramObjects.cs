using System.Text.Json.Nodes;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>
/// Bot API objects as Telegram serializes them (https://core.telegram.org/bots/api#available-types):
/// snake_case names, dates as Unix seconds, optional fields left out.
/// </summary>
internal static class TelegramObjects
{
    public static JsonObject User(long id, bool isBot, string firstName, string username) => new()
    {
        ["id"] = id,
        ["is_bot"] = isBot,
        ["first_name"] = firstName,
        ["username"] = username,
    };

    public static JsonObject Person(long userId) => User(userId, isBot: false, $"User{userId}", $"user{userId}");

    public static JsonObject PrivateChat(long chatId) => new()
    {
        ["id"] = chatId,
        ["type"] = "private",
        ["first_name"] = $"User{chatId}",
        ["username"] = $"user{chatId}",
    };

    /// <summary>Group ids are negative on Telegram; positive ids are private chats with that user.</summary>
    public static JsonObject Chat(long chatId) => chatId < 0 ? GroupChat(chatId) : PrivateChat(chatId);

    public static JsonObject GroupChat(long chatId) => new()
    {
        ["id"] = chatId,
        ["type"] = "group",
        ["title"] = $"Group {-chatId}",
    };

    /// <param name="replyTo">The message this one replies to, as Telegram embeds it (without its own reply_to_message).</param>
    public static JsonObject Message(int messageId, JsonObject from, long chatId, string text, JsonNode? replyMarkup = null, JsonObject? replyTo = null)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = from,
            ["chat"] = Chat(chatId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        };
        if (CommandLength(text) is { } length)
        {
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }
        if (replyMarkup is not null) message["reply_markup"] = replyMarkup;
        if (replyTo is not null)
        {
            replyTo.Remove("reply_to_message");
            message["reply_to_message"] = replyTo;
        }
        return message;
    }

    public static JsonObject CallbackQuery(string id, long userId, JsonObject message, string data) => new()
    {
        ["id"] = id,
        ["from"] = Person(userId),
        ["message"] = message,
        ["chat_instance"] = $"instance-{message["chat"]!["id"]}",
        ["data"] = data,
    };

    /// <summary>"/start@bot args" is a command of length 10 (UTF-16 units, as Telegram counts).</summary>
    private static int? CommandLength(string text)
    {
        if (!text.StartsWith('/') || text.Length < 2 || char.IsWhiteSpace(text[1])) return null;
        var end = text.IndexOfAny([' ', '\n', '\t']);
        return end < 0 ? text.Length : end;
    }
}
