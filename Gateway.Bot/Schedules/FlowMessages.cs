using OrleansAssistant.Gateway.Bot.Replies;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>Shows a draft's step in its dialog message, in place, and opens the reply prompts a step needs.</summary>
internal sealed class FlowMessages(BotReplies replies, PendingSchedules pending, ScheduleChoices choices)
{
    public async Task ShowAsync(ScheduleDraft draft, CancellationToken cancellationToken, string? problem = null)
    {
        pending.Keep(draft);
        var (html, keyboard) = FlowSteps.Show(draft, choices.OfferEvery15Minutes, problem);
        await EditAsync(draft, html, keyboard, cancellationToken);
    }

    /// <summary>Opens the dialog in a new message under the answer it schedules.</summary>
    public async Task OpenAsync(ScheduleDraft draft, int answerMessageId, CancellationToken cancellationToken)
    {
        var (html, keyboard) = FlowSteps.Show(draft, choices.OfferEvery15Minutes);
        var opened = await replies.Bot.SendMessage(draft.ChatId, html, ParseMode.Html,
            replyParameters: new ReplyParameters { MessageId = answerMessageId, AllowSendingWithoutReply = true }, replyMarkup: keyboard,
            cancellationToken: cancellationToken);
        pending.Keep(draft with { FlowMessageId = opened.Id });
    }

    /// <summary>Ends the dialog: the message keeps only <paramref name="html"/>, its buttons go.</summary>
    public async Task CloseAsync(ScheduleDraft draft, string html, CancellationToken cancellationToken)
    {
        pending.Forget(draft);
        await EditAsync(draft, html, null, cancellationToken);
    }

    /// <summary>Shows the step when it changed, then asks for typed input with a reply prompt under the dialog message.</summary>
    public async Task PromptAsync(ScheduleDraft draft, PromptKind kind, bool changed, CancellationToken cancellationToken)
    {
        if (changed) await ShowAsync(draft, cancellationToken);
        else pending.Keep(draft);
        // Not selective: a selective prompt replying to the bot's own message would open the reply field for nobody.
        // Only the starter's reply is read as input; anyone else's stays a question.
        var prompt = await replies.Bot.SendMessage(draft.ChatId, PromptTexts.Ask(kind), ParseMode.Html,
            replyParameters: new ReplyParameters { MessageId = draft.FlowMessageId, AllowSendingWithoutReply = true },
            replyMarkup: new ForceReplyMarkup { InputFieldPlaceholder = PromptTexts.Placeholder(kind) },
            cancellationToken: cancellationToken);
        pending.Prompted(draft, prompt.Id, kind);
    }

    private async Task EditAsync(ScheduleDraft draft, string html, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        try
        {
            await replies.Bot.EditMessageText(draft.ChatId, draft.FlowMessageId, html, ParseMode.Html, replyMarkup: keyboard,
                linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException)
        {
            // The dialog message was deleted, or already shows this: the draft itself is what counts.
        }
    }
}
