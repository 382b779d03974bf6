using System.Text.Json.Nodes;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>
/// sendPhoto and sendDocument as uploads (multipart/form-data), with Telegram's limits: a caption of at most
/// 1,024 characters, photos up to 10 MB, documents up to 50 MB for a bot.
/// </summary>
internal sealed class FileMethods(BotAccount bot, ChatMessages messages, RecordedLog<SentFile> sentFiles, RecordedLog<SentMessage> shownMessages)
{
    private const int MaxCaptionLength = 1024;
    private const long MaxPhotoBytes = 10L * 1024 * 1024;
    private const long MaxDocumentBytes = 50L * 1024 * 1024;

    public JsonNode SendPhoto(BotApiRequest request) => Send(request, "photo", MaxPhotoBytes);

    public JsonNode SendDocument(BotApiRequest request) => Send(request, "document", MaxDocumentBytes);

    private JsonNode Send(BotApiRequest request, string kind, long maxBytes)
    {
        var chatId = request.RequiredChatId();
        var file = request.FileOf(kind) ?? throw new BadBotApiRequestException($"there is no {kind} in the request");
        if (file.Content.Length == 0) throw new BadBotApiRequestException("file must be non-empty");
        if (file.Content.LongLength > maxBytes) throw new BadBotApiRequestException("Request Entity Too Large");
        var caption = request.Text("caption");
        if (caption is { Length: > MaxCaptionLength }) throw new BadBotApiRequestException("message caption is too long");
        var replyTo = request.Json("reply_parameters") is JsonObject parameters && parameters["message_id"] is JsonValue id ? id.GetValue<int>() : (int?)null;
        var message = messages.Add(chatId, messageId =>
        {
            var body = TelegramObjects.Message(messageId, bot.AsSender(), chatId, "");
            body.Remove("text");
            var fileId = $"file-{chatId}-{messageId}";
            body[kind] = kind == "photo"
                ? new JsonArray(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = fileId, ["width"] = 1280, ["height"] = 720, ["file_size"] = file.Content.Length })
                : new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = fileId, ["file_name"] = file.FileName, ["mime_type"] = file.ContentType, ["file_size"] = file.Content.Length };
            if (caption is not null) body["caption"] = caption;
            return body;
        });
        var messageId = (int)message["message_id"]!;
        sentFiles.Add(new SentFile(chatId, messageId, kind, file.FileName, file.ContentType, file.Content, caption, request.Text("parse_mode"), request.Text("reply_markup"), replyTo));
        shownMessages.Add(new SentMessage(chatId, messageId, caption ?? "", request.Text("parse_mode"), request.Text("reply_markup"), replyTo));
        return message;
    }
}
