using OrleansAssistant.Gateway.Bot.Callbacks;
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
        // Only a send that starts now earns a message in the chat (its "sent" notice follows it). Everything else,
        // a second press above all, is told on the button: a toast, or an alert to dismiss when something is wrong.
        var queuedNow = result.Outcome == EmailSendOutcome.Queued;
        var problem = result.Outcome is EmailSendOutcome.LimitReached or EmailSendOutcome.NoRecipients or EmailSendOutcome.NotConfigured
            or EmailSendOutcome.RecipientsRefused;
        await replies.Bot.AnswerCallbackQuery(query.Id, CallbackText.Fit(result.Message), showAlert: problem, cancellationToken: cancellationToken);
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
        if (queuedNow && query.Message is { } message) await replies.SendAsync(message.Chat.Id, TelegramHtml.Escape(result.Message), cancellationToken);
    }
}
