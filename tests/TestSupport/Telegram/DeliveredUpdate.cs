namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>The first time an update was handed to a getUpdates caller: the moment the bot received it.</summary>
/// <param name="At"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the response was built.</param>
public sealed record DeliveredUpdate(long UpdateId, long At);
