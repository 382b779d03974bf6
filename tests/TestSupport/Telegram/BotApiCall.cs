namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>One request the bot made, with its parameters as the Bot API sees them (objects as JSON text).</summary>
public sealed record BotApiCall(string Method, IReadOnlyDictionary<string, string> Parameters, bool TokenAccepted)
{
    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the request arrived, for latency measurements.</summary>
    public long At { get; init; }

    public override string ToString() =>
        $"{Method}({string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))}){(TokenAccepted ? "" : " [401]")}";
}
