using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Gateway.Bot.Replies;

/// <summary>
/// Polls a grain that hands each notice out once and tells every notice to its chat. Since a notice is handed out
/// to one caller only, any number of gateway copies can run a relay side by side.
/// </summary>
internal abstract partial class NoticeRelay<TNotice>(ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>What the relay carries, for its log lines ("E-mail notices").</summary>
    protected abstract string Name { get; }

    protected abstract Task<IReadOnlyList<TNotice>> TakeAsync();

    protected abstract Task TellAsync(TNotice notice, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var notice in await TakeAsync())
                {
                    await TellAsync(notice, stoppingToken);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRelayFailed(logger, Name, error.Message);
            }
            await Task.Delay(Interval, stoppingToken);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "{Relay} could not be fetched: {Reason}")]
    private static partial void LogRelayFailed(ILogger logger, string relay, string reason);
}
