namespace OrleansAssistant.Benchmarks.Load;

/// <summary>One timed action: from the update being queued for getUpdates until the final reply reached the fake Telegram.</summary>
/// <param name="StartedAt"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the update was queued.</param>
internal sealed record ActionSample(UserAction Action, ActionOutcome Outcome, long StartedAt, double EndToEndMs, string? FailureText = null);
