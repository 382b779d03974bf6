using OrleansAssistant.Gateway.Bot.Callbacks;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>
/// A press of [👍] or [👎]. The feedback grain decides (only the asker's press counts); the gateway marks the verdict
/// on the keyboard, asks a 👎 for its reason with a reply prompt, and offers a curator's 👍 to verify the answer.
/// </summary>
internal sealed class FeedbackPress(IGrainFactory grains, BotReplies replies, AnswerKeyboardEdits edits)
{
    public async Task PressAsync(CallbackQuery query, AnswerCallback press, CancellationToken cancellationToken)
    {
        var verdict = press.Button == AnswerButton.Helpful ? FeedbackVerdict.Helpful : FeedbackVerdict.NotHelpful;
        var asker = await grains.GetGrain<IUserGrain>(query.From.Id).GetPrincipalAsync();
        var result = asker is null
            ? new FeedbackResult(FeedbackStatus.NotFound)
            : await Feedback.RateAsync(asker, press.ConversationId, verdict);
        await replies.Bot.AnswerCallbackQuery(query.Id, CallbackText.Fit(FeedbackTexts.Rated(result)), cancellationToken: cancellationToken);
        if (result.Status != FeedbackStatus.Recorded || query.Message is not { } answer) return;

        if (AnswerKeyboard.Read(answer.ReplyMarkup) is { } keyboard) await edits.ShowAsync(answer, keyboard with { Marked = verdict }, cancellationToken);
        if (verdict == FeedbackVerdict.NotHelpful)
        {
            // In a group the prompt names the asker and opens the reply field for them alone (selective force-reply).
            var inGroup = answer.Chat.Type != ChatType.Private;
            var prompt = await replies.Bot.SendMessage(answer.Chat.Id, FeedbackTexts.ReasonPromptFor(inGroup ? query.From : null), ParseMode.Html,
                replyParameters: new ReplyParameters { MessageId = answer.Id, AllowSendingWithoutReply = true },
                replyMarkup: new ForceReplyMarkup { InputFieldPlaceholder = FeedbackTexts.ReasonPlaceholder, Selective = inGroup },
                cancellationToken: cancellationToken);
            await Feedback.AwaitReasonAsync(asker!, press.ConversationId, answer.Chat.Id, prompt.Id);
        }
        else if (result.CanVerify)
        {
            await replies.Bot.SendMessage(answer.Chat.Id, FeedbackTexts.VerifyOffer(result.DatabaseName), ParseMode.Html,
                replyParameters: new ReplyParameters { MessageId = answer.Id, AllowSendingWithoutReply = true },
                replyMarkup: new InlineKeyboardMarkup(AnswerButtons.Verify(press.ConversationId)),
                cancellationToken: cancellationToken);
        }
    }

    private IAnswerFeedbackGrain Feedback => grains.GetGrain<IAnswerFeedbackGrain>(0);
}
