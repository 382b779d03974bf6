namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>A photo or document the bot sent, as multipart upload: the file as it arrived and its caption.</summary>
/// <param name="Kind">"photo" or "document".</param>
public sealed record SentFile(long ChatId, int MessageId, string Kind, string FileName, string? ContentType, byte[] Content, string? Caption,
    string? ParseMode, string? ReplyMarkup, int? ReplyToMessageId);
