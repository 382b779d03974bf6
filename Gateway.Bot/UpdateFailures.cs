using Microsoft.Extensions.Logging;
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
        catch (Exception error)
        {
            LogFailed(logger, chatId, error.GetType().Name, error.Message);
            await TryApologizeAsync(chatId, cancellationToken);
        }
    }

    private async Task TryApologizeAsync(long chatId, CancellationToken cancellationToken)
    {
        try
        {
            await bot.SendMessage(chatId, Apology, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is Telegram.Bot.Exceptions.RequestException or OperationCanceledException)
        {
            // Telegram itself is failing; the log already has the cause.
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Handling an update in chat {ChatId} failed: {ErrorType}: {Reason}")]
    private static partial void LogFailed(ILogger logger, long chatId, string errorType, string reason);
}
