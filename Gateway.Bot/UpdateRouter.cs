using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Bot.Answers;
using OrleansAssistant.Gateway.Bot.Callbacks;
using OrleansAssistant.Gateway.Bot.Commands;
using OrleansAssistant.Gateway.Bot.Questions;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot;

/// <summary>
/// Turns one Telegram update into replies; the gateway translates, grains decide. Updates of one chat
/// run in the order received (<see cref="ChatLanes"/>), different chats side by side.
/// </summary>
internal sealed partial class UpdateRouter(
    CommandRouter commands, QuestionHandler questions, CallbackRouter callbacks, FeedbackReasons reasons, UpdateFailures failures, ChatLanes lanes,
    ChatTimeline timeline, Schedules.ScheduleReplies schedules, ILogger<UpdateRouter> logger)
{
    /// <summary>The request-context key the activity log reads to tell which gateway a change came through.</summary>
    internal const string SourceKey = "OrleansAssistant.Source";

    /// <summary>Queues the update in its chat's lane.</summary>
    /// <returns>Completes when the update has been handled; for a question, once it is in line (its answer comes later).</returns>
    public Task RouteAsync(Update update, CancellationToken cancellationToken)
    {
        RequestContext.Set(SourceKey, "bot");
        if (update.Message is { } received) timeline.Saw(received.Chat.Id, received.Id);
        return update switch
        {
            { Message: { Text: { } text } message } when text.StartsWith('/') =>
                InLane(message.Chat.Id, () => commands.RouteAsync(message, text, cancellationToken), cancellationToken),
            { Message: { Text: { } text, From: { } from } message } => InLane(message.Chat.Id, async () =>
            {
                // A reply to the bot's "what was wrong?" prompt is a 👎's reason, not a question.
                if (await reasons.TryRecordAsync(message, from, text, cancellationToken)) return;
                // So is a reply to a schedule dialog's prompt (a time, cron fields, recipients, a webhook, a threshold).
                if (await schedules.TryTakeAsync(message, from, text, cancellationToken)) return;
                LogQuestion(logger, from.Id);
                await questions.QueueAsync(message, from, text, cancellationToken);
            }, cancellationToken),
            { CallbackQuery: { } query } =>
                InLane(query.Message?.Chat.Id ?? query.From.Id, () => callbacks.RouteAsync(query, cancellationToken), cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>Work queued in the chats' lanes now, for a bounded wait at shutdown.</summary>
    public Task[] Pending() => lanes.Pending();

    private Task InLane(long chatId, Func<Task> handle, CancellationToken cancellationToken) =>
        lanes.RunAsync(chatId, () => failures.GuardAsync(chatId, handle, cancellationToken));

    [LoggerMessage(1, LogLevel.Debug, "Question from user {UserId}")]
    private static partial void LogQuestion(ILogger logger, long userId);
}
