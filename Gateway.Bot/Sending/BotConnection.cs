using System.Globalization;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Authorization;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace OrleansAssistant.Gateway.Bot.Sending;

/// <summary>Checks the token (waiting out Telegram outages), learns the bot's name and fills its command menu.</summary>
internal sealed partial class BotConnection(ITelegramBotClient bot, BotIdentity identity, ILogger<BotConnection> logger)
{
    /// <returns>False when Telegram rejects the token (retrying cannot help then).</returns>
    public async Task<bool> ConnectAsync(CancellationToken stoppingToken)
    {
        if (await GetMeAsync(stoppingToken) is not { } me) return false;
        LogConnected(logger, me.Username ?? me.Id.ToString(CultureInfo.InvariantCulture));
        identity.Username = me.Username;
        await RegisterCommandsAsync(stoppingToken);
        return true;
    }

    private async Task<User?> GetMeAsync(CancellationToken stoppingToken)
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

    /// <summary>
    /// Fills Telegram's default command menu with what everyone may run; each private chat gets its own
    /// (Commands/CommandMenus). The bot works without it, so a failure is only logged.
    /// </summary>
    private async Task RegisterCommandsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await bot.SetMyCommands(BotCommandCatalog.ForEveryone.Select(command => new BotCommand(command.Name, command.Description)), cancellationToken: stoppingToken);
        }
        catch (RequestException error)
        {
            LogCommandsNotRegistered(logger, error.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Telegram bot @{Username} is connected")]
    private static partial void LogConnected(ILogger logger, string username);

    [LoggerMessage(2, LogLevel.Critical, "Telegram rejected the bot token (401); check TELEGRAM_BOT_TOKEN. The bot is off; the rest keeps running.")]
    private static partial void LogTokenRejected(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Telegram is not available ({Reason}); the bot retries in {DelaySeconds} s")]
    private static partial void LogTelegramUnavailable(ILogger logger, string reason, double delaySeconds);

    [LoggerMessage(4, LogLevel.Warning, "Telegram did not take the command menu ({Reason}); commands still work")]
    private static partial void LogCommandsNotRegistered(ILogger logger, string reason);
}
