using OrleansAssistant.Gateway.Bot.Formatting;
using OrleansAssistant.Gateway.Bot.Replies;
using OrleansAssistant.Grains.Interfaces.Email;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Email;

/// <summary>
/// Shows a drafted e-mail with its buttons, and handles the presses. The outbox grain makes a send
/// happen once, so a double click is answered but sends nothing twice.
/// </summary>
internal sealed class EmailDraftButtons(IGrainFactory grains, BotReplies replies)
{
    public async Task ShowAsync(long userId, long chatId, Grains.Interfaces.Questions.EmailDraft draft, CancellationToken cancellationToken)
    {
        var draftId = await grains.GetGrain<IEmailOutboxGrain>(userId).SaveDraftAsync(chatId, draft);
        await replies.SendAsync(chatId, EmailPreview.Render(draft), cancellationToken, EmailButtons.For(draftId));
    }

    public async Task PressAsync(CallbackQuery query, string data, CancellationToken cancellationToken)
    {
        var outbox = grains.GetGrain<IEmailOutboxGrain>(query.From.Id);
        var result = data.StartsWith(EmailButtons.SendPrefix, StringComparison.Ordinal)
            ? await outbox.SendAsync(data[EmailButtons.SendPrefix.Length..])
            : await outbox.CancelAsync(data[EmailButtons.CancelPrefix.Length..]);
        await replies.Bot.AnswerCallbackQuery(query.Id, result.Message.Length <= 200 ? result.Message : null, cancellationToken: cancellationToken);
        if (query.Message is { } preview && result.Outcome is EmailSendOutcome.Queued or EmailSendOutcome.Cancelled)
        {
            // The buttons go once the choice is made, so the preview cannot be sent again by mistake.
            try
            {
                await replies.Bot.EditMessageReplyMarkup(preview.Chat.Id, preview.Id, replyMarkup: null, cancellationToken: cancellationToken);
            }
            catch (RequestException)
            {
                // The preview was deleted or is too old to edit; the outbox still sends only once.
            }
        }
        if (query.Message is { } message) await replies.SendAsync(message.Chat.Id, TelegramHtml.Escape(result.Message), cancellationToken);
    }
}
