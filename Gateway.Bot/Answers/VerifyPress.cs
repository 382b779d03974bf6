using OrleansAssistant.Gateway.Bot.Callbacks;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>
/// A press of [✓ Verify] under the offer that followed a curator's 👍: the library grain checks the SQL with the
/// guard and runs it once before saving. The offer then says what happened; a press that changes nothing is
/// answered on the button only.
/// </summary>
internal sealed class VerifyPress(IGrainFactory grains, BotReplies replies)
{
    public async Task PressAsync(CallbackQuery query, AnswerCallback press, CancellationToken cancellationToken)
    {
        var asker = await grains.GetGrain<IUserGrain>(query.From.Id).GetPrincipalAsync();
        var result = asker is null
            ? new CurationResult(CurationStatus.NotFound)
            : await grains.GetGrain<IAnswerFeedbackGrain>(0).VerifyAnswerAsync(asker, press.ConversationId);
        await replies.Bot.AnswerCallbackQuery(query.Id, CallbackText.Fit(FeedbackTexts.VerifyToast(result)), cancellationToken: cancellationToken);
        if (FeedbackTexts.Verified(result) is not { } text || query.Message is not { } offer) return;
        try
        {
            // Only an unavailable database is worth pressing again; every other outcome is final.
            await replies.Bot.EditMessageText(offer.Chat.Id, offer.Id, text, ParseMode.Html,
                replyMarkup: result.Status == CurationStatus.DatabaseUnavailable ? offer.ReplyMarkup : null, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException)
        {
            // The offer was deleted meanwhile: say it as a new message.
            await replies.SendAsync(offer.Chat.Id, text, cancellationToken);
        }
    }
}
