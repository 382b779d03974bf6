namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>A message the bot sent (or the new content of one it edited), as the user would receive it.</summary>
/// <param name="ParseMode">"HTML", "MarkdownV2" or "Markdown" (as the API docs spell them), or none.</param>
/// <param name="ReplyMarkup">The reply_markup parameter as JSON text, when the bot attached one.</param>
/// <param name="ReplyToMessageId">The message this one answers, when the bot sent it as a reply.</param>
public sealed record SentMessage(long ChatId, int MessageId, string Text, string? ParseMode, string? ReplyMarkup, int? ReplyToMessageId = null)
{
    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the fake took the message, for latency measurements.</summary>
    public long At { get; init; } = System.Diagnostics.Stopwatch.GetTimestamp();
}
