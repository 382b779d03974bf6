using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Authorization;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot;

/// <summary>Checks the token (waiting out Telegram outages), then long-polls Telegram for updates until the host stops.</summary>
internal sealed partial class BotPollingService(ITelegramBotClient bot, UpdateRouter router, BotIdentity identity, ILogger<BotPollingService> logger)
    : BackgroundService, IUpdateHandler
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await ConnectAsync(stoppingToken) is not { } me) return;
        LogConnected(logger, me.Username ?? me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        identity.Username = me.Username;
        await RegisterCommandsAsync(stoppingToken);

        var options = new ReceiverOptions { AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery], DropPendingUpdates = false };
        try
        {
            await bot.ReceiveAsync(this, options, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <returns>The bot's own user, or null when Telegram rejects the token (retrying cannot help then).</returns>
    private async Task<User?> ConnectAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await bot.GetMe(stoppingToken);
            }
            catch (ApiRequestException error) when (error.ErrorCode == 401)
            {
                LogTokenRejected(logger);
                return null;
            }
            catch (RequestException error) when (!stoppingToken.IsCancellationRequested)
            {
                // Telegram unreachable or failing for now: letting this escape would stop the whole host, grains and dashboard too.
                var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt - 1), 60));
                LogTelegramUnavailable(logger, error.Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    /// <summary>Fills Telegram's command menu from the catalogue; the bot works without it, so a failure is only logged.</summary>
    private async Task RegisterCommandsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await bot.SetMyCommands(BotCommandCatalog.All.Select(command => new BotCommand(command.Name, command.Description)), cancellationToken: stoppingToken);
        }
        catch (RequestException error)
        {
            LogCommandsNotRegistered(logger, error.Message);
        }
    }

    public Task HandleUpdateAsync(ITelegramBotClient botClient, Update update, CancellationToken cancellationToken) =>
        router.RouteAsync(update, cancellationToken);

    public Task HandleErrorAsync(ITelegramBotClient botClient, Exception exception, HandleErrorSource source, CancellationToken cancellationToken)
    {
        LogUpdateError(logger, source, exception.Message);
        // Back off a little so a Telegram outage does not become a tight retry loop.
        return Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
    }

    [LoggerMessage(1, LogLevel.Information, "Telegram bot @{Username} is receiving updates")]
    private static partial void LogConnected(ILogger logger, string username);

    [LoggerMessage(2, LogLevel.Critical, "Telegram rejected the bot token (401); check TELEGRAM_BOT_TOKEN. The bot is off; the rest keeps running.")]
    private static partial void LogTokenRejected(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Telegram update handling failed ({Source}): {Reason}")]
    private static partial void LogUpdateError(ILogger logger, HandleErrorSource source, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Telegram did not take the command menu ({Reason}); commands still work")]
    private static partial void LogCommandsNotRegistered(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Telegram is not available ({Reason}); the bot retries in {DelaySeconds} s")]
    private static partial void LogTelegramUnavailable(ILogger logger, string reason, double delaySeconds);
}
