using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Bot.Sending;
using Telegram.Bot;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace OrleansAssistant.Gateway.Bot;

/// <summary>
/// Connects, then long-polls Telegram for updates until the host stops. Each update goes to its chat's lane
/// and polling moves on at once, so chats are served side by side; on stop, work already in the lanes
/// gets the grace period to finish.
/// </summary>
internal sealed partial class BotPollingService(ITelegramBotClient bot, UpdateRouter router, BotConnection connection, ILogger<BotPollingService> logger)
    : BackgroundService, IUpdateHandler
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    // Outlives the stopping token by the grace period, so a reply half-sent is not cut off.
    private readonly CancellationTokenSource _handling = new();
    private CancellationToken _stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        if (!await connection.ConnectAsync(stoppingToken)) return;
        LogReceiving(logger);

        var options = new ReceiverOptions { AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery], DropPendingUpdates = false };
        try
        {
            await bot.ReceiveAsync(this, options, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _handling.CancelAfter(Grace);
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(router.Pending()).WaitAsync(Grace, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public override void Dispose()
    {
        _handling.Dispose();
        base.Dispose();
    }

    // Updates fetched but not yet queued after stop are skipped: their offset was never confirmed, so Telegram delivers them again.
    public Task HandleUpdateAsync(ITelegramBotClient botClient, Update update, CancellationToken cancellationToken)
    {
        if (!_stopping.IsCancellationRequested) _ = router.RouteAsync(update, _handling.Token);
        return Task.CompletedTask;
    }

    public Task HandleErrorAsync(ITelegramBotClient botClient, Exception exception, HandleErrorSource source, CancellationToken cancellationToken)
    {
        LogUpdateError(logger, source, exception.Message);
        // Back off a little so a Telegram outage does not become a tight retry loop.
        return Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
    }

    [LoggerMessage(1, LogLevel.Information, "The bot is polling Telegram for updates")]
    private static partial void LogReceiving(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Telegram update handling failed ({Source}): {Reason}")]
    private static partial void LogUpdateError(ILogger logger, HandleErrorSource source, string reason);
}
