using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>
/// A text that replies to one of the bot's messages may be the reason for a 👎: the feedback grain knows which
/// prompt asked whom. Anything else (a reply to another message, a second reply, someone else's) is a question.
/// </summary>
internal sealed class FeedbackReasons(IGrainFactory grains, BotReplies replies)
{
    /// <returns>True when the text was recorded as a reason (and thanked for), false when it is to be read as a question.</returns>
    public async Task<bool> TryRecordAsync(Message message, User from, string text, CancellationToken cancellationToken)
    {
        if (message.ReplyToMessage is not { From: { IsBot: true } author } prompt || author.Id != replies.Bot.BotId) return false;
        var asker = await grains.GetGrain<IUserGrain>(from.Id).GetPrincipalAsync();
        if (asker is null) return false;
        var status = await grains.GetGrain<IAnswerFeedbackGrain>(0).RecordReasonAsync(asker, message.Chat.Id, prompt.Id, text);
        if (status != FeedbackStatus.Recorded) return false;
        await replies.Bot.SendMessage(message.Chat.Id, FeedbackTexts.ReasonNoted,
            replyParameters: new ReplyParameters { MessageId = message.Id, AllowSendingWithoutReply = true }, cancellationToken: cancellationToken);
        return true;
    }
}
