using OrleansAssistant.Gateway.Bot.Callbacks;
using OrleansAssistant.Gateway.Bot.Replies;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>Changes the keyboard under an answer in place: [More ▾] / [Less ▴], and the verdict marked after a rating.</summary>
internal sealed class AnswerKeyboardEdits(BotReplies replies)
{
    /// <summary>A press of [More ▾] or [Less ▴]: anyone in the chat may open or close the rest of the buttons.</summary>
    public async Task PressAsync(CallbackQuery query, AnswerCallback press, CancellationToken cancellationToken)
    {
        var current = query.Message is { } message ? AnswerKeyboard.Read(message.ReplyMarkup) : null;
        if (current is null || current.ConversationId != press.ConversationId)
        {
            await replies.Bot.AnswerCallbackQuery(query.Id, CallbackText.Fit(FeedbackTexts.NoLongerWorks), cancellationToken: cancellationToken);
            return;
        }
        await replies.Bot.AnswerCallbackQuery(query.Id, cancellationToken: cancellationToken);
        await ShowAsync(query.Message!, current with { Expanded = press.Action == AnswerAction.More }, cancellationToken);
    }

    public async Task ShowAsync(Message answer, AnswerKeyboard keyboard, CancellationToken cancellationToken)
    {
        try
        {
            await replies.Bot.EditMessageReplyMarkup(answer.Chat.Id, answer.Id, keyboard.ToMarkup(), cancellationToken: cancellationToken);
        }
        catch (ApiRequestException)
        {
            // Deleted meanwhile, or already showing this: the press itself is recorded either way.
        }
    }
}
