using OrleansAssistant.Gateway.Bot.Callbacks;
using OrleansAssistant.Gateway.Bot.Replies;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Answers;

/// <summary>Presses of the buttons under an answer (and under its verify offer), each sent to its handler; forged data only gets a toast.</summary>
internal sealed class AnswerPresses(BotReplies replies, ExportPress exports, FeedbackPress feedback, AnswerKeyboardEdits keyboards, VerifyPress verify,
    Schedules.ScheduleDialog schedules)
{
    public Task PressAsync(CallbackQuery query, string data, CancellationToken cancellationToken) => AnswerButtons.TryRead(data) switch
    {
        { Action: AnswerAction.Export } => exports.PressAsync(query, data, cancellationToken),
        { Action: AnswerAction.Rate } press => feedback.PressAsync(query, press, cancellationToken),
        { Action: AnswerAction.More or AnswerAction.Less } press => keyboards.PressAsync(query, press, cancellationToken),
        { Action: AnswerAction.Verify } press => verify.PressAsync(query, press, cancellationToken),
        { Action: AnswerAction.Schedule } press => schedules.StartAsync(query, press, cancellationToken),
        _ => replies.Bot.AnswerCallbackQuery(query.Id, CallbackText.Fit(FeedbackTexts.NoLongerWorks), cancellationToken: cancellationToken),
    };
}
