using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Bot.Resilience;
using OrleansAssistant.Hosting.Resilience;
using Telegram.Bot;

namespace OrleansAssistant.Gateway.Bot;

/// <summary>One place for what goes wrong while handling an update: log it, and tell the person rather than leave them waiting.</summary>
internal sealed partial class UpdateFailures(ITelegramBotClient bot, ILogger<UpdateFailures> logger)
{
    internal const string Apology = "Sorry, something went wrong on my side. Please try again in a moment.";

    public async Task GuardAsync(long chatId, Func<Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            await handle();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception error) when (error is ClusterUnavailableException || TransientClusterErrors.IsTransient(error))
        {
            // Part of the cluster is down: the person can simply send it again once it is back.
            LogClusterUnavailable(logger, chatId, error.GetType().Name);
            await TrySendAsync(chatId, ClusterRetryTexts.Command, cancellationToken);
        }
        catch (Exception error)
        {
            LogFailed(logger, chatId, error.GetType().Name, error.Message);
            await TrySendAsync(chatId, Apology, cancellationToken);
        }
    }

    private async Task TrySendAsync(long chatId, string text, CancellationToken cancellationToken)
    {
        try
        {
            await bot.SendMessage(chatId, text, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is Telegram.Bot.Exceptions.RequestException or OperationCanceledException)
        {
            // Telegram itself is failing; the log already has the cause.
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Handling an update in chat {ChatId} failed: {ErrorType}: {Reason}")]
    private static partial void LogFailed(ILogger logger, long chatId, string errorType, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Handling an update in chat {ChatId} hit an unreachable part of the cluster ({ErrorType}); asked to send again")]
    private static partial void LogClusterUnavailable(ILogger logger, long chatId, string errorType);
}
