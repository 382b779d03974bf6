using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Bot.Sending;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot.Webhook;

/// <summary>Tells Telegram where to post updates on start; on stop lets running updates finish and removes the webhook.</summary>
internal sealed partial class WebhookRegistration(
    ITelegramBotClient bot, BotConnection connection, WebhookSettings settings, WebhookUpdates updates, ILogger<WebhookRegistration> logger)
    : BackgroundService
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await connection.ConnectAsync(stoppingToken)) return;
        try
        {
            await bot.SetWebhook(settings.Url.ToString(), allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery],
                secretToken: settings.Secret, cancellationToken: stoppingToken);
            LogRegistered(logger, settings.Url);
        }
        catch (RequestException error)
        {
            // Polling cannot stand in (Telegram refuses getUpdates while a webhook may be set); the operator must act.
            LogNotRegistered(logger, settings.Url, error.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await updates.DrainAsync(Grace);
        try
        {
            await bot.DeleteWebhook(cancellationToken: cancellationToken);
        }
        catch (Exception error) when (error is RequestException or OperationCanceledException)
        {
            LogNotRemoved(logger, error.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Telegram posts updates to {Url}")]
    private static partial void LogRegistered(ILogger logger, Uri url);

    [LoggerMessage(2, LogLevel.Critical, "Telegram did not take the webhook {Url} ({Reason}); the bot receives nothing until this is fixed")]
    private static partial void LogNotRegistered(ILogger logger, Uri url, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Removing the webhook failed ({Reason})")]
    private static partial void LogNotRemoved(ILogger logger, string reason);
}
