using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;

namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>
/// Feedback on answers, stored with the conversation (stateless: use key 0). Only the person who asked may
/// rate an answer; another person's answer reads as unknown.
/// </summary>
[Alias("OrleansAssistant.IAnswerFeedbackGrain")]
public interface IAnswerFeedbackGrain : IGrainWithIntegerKey
{
    /// <summary>Records or changes the asker's verdict on one answer.</summary>
    [Alias("Rate")]
    Task<FeedbackResult> RateAsync(Principal asker, string conversationId, FeedbackVerdict verdict);

    /// <summary>Remembers the message that asked for a 👎's reason, so a reply to it is recorded as the reason.</summary>
    [Alias("AwaitReason")]
    Task<FeedbackStatus> AwaitReasonAsync(Principal asker, string conversationId, long chatId, long promptMessageId);

    /// <summary>Records a reply to a reason prompt. <see cref="FeedbackStatus.NotFound"/>: the replied-to message asked for no reason (treat the text as a question).</summary>
    [Alias("RecordReason")]
    Task<FeedbackStatus> RecordReasonAsync(Principal asker, long chatId, long promptMessageId, string reason);

    /// <summary>Adds one answered question and its SQL to its database's verified library.</summary>
    [Alias("VerifyAnswer")]
    Task<CurationResult> VerifyAnswerAsync(Principal asker, string conversationId);
}
