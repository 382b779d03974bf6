namespace OrleansAssistant.Benchmarks.Load;

/// <summary>A sendMessage or editMessageText call of the bot (or an answerCallbackQuery toast standing in for a message), as it reached the fake Telegram.</summary>
/// <param name="At"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the request arrived.</param>
internal sealed record BotReply(string Method, string Text, long At)
{
    public bool IsEdit => Method == "editMessageText";
}
