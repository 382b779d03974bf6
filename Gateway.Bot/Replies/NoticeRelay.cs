using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Gateway.Bot.Replies;

/// <summary>
/// Polls a grain that hands each notice out once and tells every notice to its chat. Since a notice is handed out
/// to one caller only, any number of gateway copies can run a relay side by side. The chats of a batch are told side by
/// side (one chat's notices in order), leaving the pace to the outgoing limits; a full batch is followed by the next at once.
/// </summary>
internal abstract partial class NoticeRelay<TNotice>(ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Notices taken at once.</summary>
    protected const int BatchSize = 20;

    /// <summary>What the relay carries, for its log lines ("E-mail notices").</summary>
    protected abstract string Name { get; }

    protected abstract Task<IReadOnlyList<TNotice>> TakeAsync();

    protected abstract Task TellAsync(TNotice notice, CancellationToken cancellationToken);

    protected abstract long ChatOf(TNotice notice);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                var batch = await TakeAsync();
                taken = batch.Count;
                await Task.WhenAll(batch.GroupBy(ChatOf).Select(async chat =>
                {
                    foreach (var notice in chat) await TellAsync(notice, stoppingToken);
                }));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogRelayFailed(logger, Name, error.Message);
            }
            if (taken < BatchSize) await Task.Delay(Interval, stoppingToken);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "{Relay} could not be fetched: {Reason}")]
    private static partial void LogRelayFailed(ILogger logger, string relay, string reason);
}
