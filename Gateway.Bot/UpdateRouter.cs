using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Bot.Callbacks;
using OrleansAssistant.Gateway.Bot.Commands;
using OrleansAssistant.Gateway.Bot.Questions;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot;

/// <summary>Turns one Telegram update into replies; the gateway translates, grains decide.</summary>
internal sealed partial class UpdateRouter(
    CommandRouter commands, QuestionHandler questions, CallbackRouter callbacks, UpdateFailures failures, ILogger<UpdateRouter> logger)
{
    /// <summary>The request-context key the activity log reads to tell which gateway a change came through.</summary>
    internal const string SourceKey = "OrleansAssistant.Source";

    public Task RouteAsync(Update update, CancellationToken cancellationToken)
    {
        RequestContext.Set(SourceKey, "bot");
        return update switch
        {
            { Message: { Text: { } text } message } when text.StartsWith('/') =>
                failures.GuardAsync(message.Chat.Id, () => commands.RouteAsync(message, text, cancellationToken), cancellationToken),
            { Message: { Text: { } text, From: { } from } message } => StartQuestion(message, from, text, cancellationToken),
            { CallbackQuery: { } query } =>
                failures.GuardAsync(query.Message?.Chat.Id ?? query.From.Id, () => callbacks.RouteAsync(query, cancellationToken), cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    // A question can take a minute; polling goes on meanwhile, so others are served and a second
    // question from the same person gets the grain's "still working" reply instead of waiting in line.
    private Task StartQuestion(Message message, User from, string text, CancellationToken cancellationToken)
    {
        LogQuestionStarted(logger, from.Id);
        _ = Task.Run(() => failures.GuardAsync(message.Chat.Id, () => questions.AskAsync(message, from, text, cancellationToken), cancellationToken),
            CancellationToken.None);
        return Task.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Debug, "Question from user {UserId} started")]
    private static partial void LogQuestionStarted(ILogger logger, long userId);
}
