using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Hosting;

/// <summary>
/// Bounds a gateway's connection attempts: an Orleans client with no live silo would otherwise
/// wait in <c>StartAsync</c> forever.
/// </summary>
internal sealed partial class ClusterConnectRetryFilter(ClusterSettings cluster, ILogger<ClusterConnectRetryFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt >= cluster.ConnectAttempts)
        {
            LogGaveUp(logger, attempt, exception.Message);
            return false;
        }
        LogRetrying(logger, attempt, cluster.ConnectAttempts, Delay.TotalSeconds, exception.Message);
        await Task.Delay(Delay, cancellationToken);
        return true;
    }

    [LoggerMessage(1, LogLevel.Warning, "No silo reachable (attempt {Attempt} of {MaxAttempts}); retrying in {DelaySeconds} s: {Reason}")]
    private static partial void LogRetrying(ILogger logger, int attempt, int maxAttempts, double delaySeconds, string reason);

    [LoggerMessage(2, LogLevel.Critical, "Could not reach any silo after {Attempts} attempts; is the silo running and is Cluster:* the same as the silo's? Last error: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, int attempts, string reason);
}
