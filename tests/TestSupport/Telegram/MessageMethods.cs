using System.Text.Json.Nodes;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>sendMessage, editMessageText, editMessageReplyMarkup and deleteMessage, with Telegram's checks on text, parse mode and keyboard.</summary>
internal sealed class MessageMethods(
    BotAccount bot,
    ChatMessages messages,
    RecordedLog<SentMessage> sentMessages,
    RecordedLog<SentMessage> editedMessages,
    RecordedLog<SentMessage> shownMessages,
    RecordedLog<DeletedMessage> deletedMessages,
    RecordedLog<SentMessage> editedKeyboards)
{
    private const int MaxTextLength = 4096;

    private static readonly IReadOnlyDictionary<string, string> ParseModes =
        new[] { "HTML", "MarkdownV2", "Markdown" }.ToDictionary(mode => mode, StringComparer.OrdinalIgnoreCase);

    public JsonNode SendMessage(BotApiRequest request)
    {
        var chatId = request.RequiredChatId();
        var text = ValidText(request);
        var parseMode = ParseModeOf(request);
        var replyMarkup = request.Text("reply_markup");
        var inlineKeyboard = InlineKeyboardOf(request);
        var message = messages.Add(chatId, messageId => TelegramObjects.Message(messageId, bot.AsSender(), chatId, text, inlineKeyboard));
        var sent = new SentMessage(chatId, (int)message["message_id"]!, text, parseMode, replyMarkup, ReplyToMessageIdOf(request));
        sentMessages.Add(sent);
        shownMessages.Add(sent);
        return message;
    }

    public JsonNode EditMessageText(BotApiRequest request)
    {
        if (request.Text("inline_message_id") is not null) throw new BadBotApiRequestException("inline messages are not supported by this fake");
        var chatId = request.RequiredChatId();
        var messageId = (int)(request.Integer("message_id") ?? throw new BadBotApiRequestException("message identifier is not specified"));
        var text = ValidText(request);
        var parseMode = ParseModeOf(request);
        var replyMarkup = request.Text("reply_markup");
        var inlineKeyboard = InlineKeyboardOf(request);
        var edited = messages.Edit(chatId, messageId, message =>
        {
            if (message["from"]?["is_bot"]?.GetValue<bool>() != true) throw new BadBotApiRequestException("message can't be edited");
            if ((string?)message["text"] == text && JsonNode.DeepEquals(message["reply_markup"], inlineKeyboard))
            {
                throw new BadBotApiRequestException("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }
            message["text"] = text;
            message["edit_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            message.Remove("reply_markup");
            if (inlineKeyboard is not null) message["reply_markup"] = inlineKeyboard;
        });
        var shown = new SentMessage(chatId, messageId, text, parseMode, replyMarkup);
        editedMessages.Add(shown);
        shownMessages.Add(shown);
        return edited;
    }

    /// <summary>Replaces (or, without reply_markup, removes) the inline keyboard of one of the bot's messages; the text stays.</summary>
    public JsonNode EditMessageReplyMarkup(BotApiRequest request)
    {
        if (request.Text("inline_message_id") is not null) throw new BadBotApiRequestException("inline messages are not supported by this fake");
        var chatId = request.RequiredChatId();
        var messageId = (int)(request.Integer("message_id") ?? throw new BadBotApiRequestException("message identifier is not specified"));
        var inlineKeyboard = InlineKeyboardOf(request);
        if (request.Text("reply_markup") is not null && inlineKeyboard is null) throw new BadBotApiRequestException("object expected as reply markup");
        var edited = messages.Edit(chatId, messageId, message =>
        {
            if (message["from"]?["is_bot"]?.GetValue<bool>() != true) throw new BadBotApiRequestException("message can't be edited");
            if (JsonNode.DeepEquals(message["reply_markup"], inlineKeyboard))
            {
                throw new BadBotApiRequestException("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }
            message["edit_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            message.Remove("reply_markup");
            if (inlineKeyboard is not null) message["reply_markup"] = inlineKeyboard.DeepClone();
        });
        editedKeyboards.Add(new SentMessage(chatId, messageId, (string?)edited["text"] ?? "", null, request.Text("reply_markup")));
        return edited;
    }

    public JsonNode DeleteMessage(BotApiRequest request)
    {
        var chatId = request.RequiredChatId();
        var messageId = (int)(request.Integer("message_id") ?? throw new BadBotApiRequestException("message identifier is not specified"));
        messages.Delete(chatId, messageId);
        deletedMessages.Add(new DeletedMessage(chatId, messageId));
        return true;
    }

    /// <summary>Bot API 7+ clients send reply_parameters; older ones send reply_to_message_id.</summary>
    private static int? ReplyToMessageIdOf(BotApiRequest request)
    {
        if (request.Json("reply_parameters") is JsonObject parameters && parameters["message_id"] is JsonValue id) return id.GetValue<int>();
        return (int?)request.Integer("reply_to_message_id");
    }

    private static string ValidText(BotApiRequest request)
    {
        var text = request.RequiredText("text", "message text is empty");
        if (string.IsNullOrWhiteSpace(text)) throw new BadBotApiRequestException("message text is empty");
        if (text.Length > MaxTextLength) throw new BadBotApiRequestException("message is too long");
        return text;
    }

    /// <summary>Telegram reads parse_mode case-insensitively; it is recorded in the spelling of the API docs.</summary>
    private static string? ParseModeOf(BotApiRequest request) => request.Text("parse_mode") switch
    {
        null => null,
        var mode => ParseModes.GetValueOrDefault(mode) ?? throw new BadBotApiRequestException($"unsupported parse_mode \"{mode}\""),
    };

    /// <summary>Only inline keyboards travel with the message; reply keyboards and ForceReply change the user's keyboard instead.</summary>
    private static JsonNode? InlineKeyboardOf(BotApiRequest request) => request.Json("reply_markup") switch
    {
        null => null,
        JsonObject markup when markup.ContainsKey("force_reply") => CheckForceReply(markup),
        JsonObject markup => markup["inline_keyboard"] is JsonArray ? markup : null,
        _ => throw new BadBotApiRequestException("can't parse reply keyboard markup JSON object"),
    };

    /// <summary>ForceReply as Telegram checks it: force_reply must be true, a placeholder 1–64 characters.</summary>
    private static JsonNode? CheckForceReply(JsonObject markup)
    {
        if (markup["force_reply"] is not JsonValue force || !force.TryGetValue<bool>(out var value) || !value)
        {
            throw new BadBotApiRequestException("can't parse reply keyboard markup JSON object");
        }
        if (markup["input_field_placeholder"] is JsonValue placeholder && placeholder.GetValue<string>().Length is 0 or > 64)
        {
            throw new BadBotApiRequestException("input field placeholder must be 1-64 characters long");
        }
        return null;
    }
}
