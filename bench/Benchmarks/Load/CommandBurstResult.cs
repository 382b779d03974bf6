namespace OrleansAssistant.Benchmarks.Load;

/// <summary>What the command burst measured: replies per second over all chats, and how long each took.</summary>
internal sealed record CommandBurstResult(int Chats, int Commands, int Failed, double CommandsPerSecond, LatencySummary LatencyMs);
