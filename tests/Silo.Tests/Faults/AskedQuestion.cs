using OrleansAssistant.Gateway.Bot.Resilience;
using OrleansAssistant.Hosting.Resilience;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>One question a test user sent, and the final reply it got (null: none within the wait).</summary>
internal sealed record AskedQuestion(long UserId, string Token, int MessageId, TimeSpan SentAt, string? Reply, TimeSpan? RepliedAt)
{
    /// <summary>The conversation id the user grain derives from the Telegram chat and message.</summary>
    public string ConversationId => $"tg_{UserId}_{MessageId}";

    public bool Answered => Reply is not null && Reply.Contains(TokenModel.Answer(Token), StringComparison.Ordinal);

    public bool ToldToRetry => Reply == ClusterRetryTexts.Question;

    public bool Lost => Reply is null;

    /// <summary>A reply that is neither the answer nor the explicit "please retry".</summary>
    public bool Other => !Lost && !Answered && !ToldToRetry;
}
