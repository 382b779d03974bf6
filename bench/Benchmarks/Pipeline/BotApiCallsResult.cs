namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>Paced Bot API calls per question, in all and by method.</summary>
internal sealed record BotApiCallsResult(string Shape, int Questions, double CallsPerQuestion, IReadOnlyDictionary<string, double> PerMethod);
