namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>A call Telegram would refuse with 400 "Bad Request: …".</summary>
internal sealed class BadBotApiRequestException(string problem) : Exception($"Bad Request: {problem}");
