namespace OrleansAssistant.Gateway.Bot.Resilience;

/// <summary>What a person reads when retries gave up: an explicit "send it again", never silence.</summary>
public static class ClusterRetryTexts
{
    public const string Question = "The assistant is restarting part of its cluster. Please send your question again in a minute.";
    public const string Command = "The assistant is restarting part of its cluster. Please send the command again in a minute.";
}
