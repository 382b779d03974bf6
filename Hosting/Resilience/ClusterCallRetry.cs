using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Hosting.Resilience;

/// <summary>
/// Retries a grain call that failed with a transient cluster error (<see cref="TransientClusterErrors"/>),
/// with exponential backoff and jitter, for at most <paramref name="budget"/> after the first failure:
/// long enough for membership to mark a dead silo, after which its grains activate elsewhere.
/// Only for calls that are safe to repeat (reads, and asks carrying a request id). Both gateways use it:
/// the bot for every grain call of an update, the dashboard for every read.
/// </summary>
public sealed partial class ClusterCallRetry(TimeSpan budget, TimeProvider timeProvider, ILogger<ClusterCallRetry> logger)
{
    /// <summary>For asks: long enough for a normal answer, short against Orleans' 30 s response timeout.</summary>
    public static readonly TimeSpan RepeatAskAfter = TimeSpan.FromSeconds(10);

    public TimeSpan Budget => budget;

    /// <param name="repeatAfter">
    /// When set, an attempt that has not answered by then is repeated alongside (see <see cref="RepeatedCall"/>),
    /// so a call lost with a dead silo does not wait for Orleans' response timeout. Idempotent calls only.
    /// </param>
    /// <param name="subject">Whom or what the call is for, for the log: "chat 42", "GET /dashboard/members".</param>
    /// <exception cref="ClusterUnavailableException">The cluster stayed unreachable for the whole budget.</exception>
    public async Task<T> RunAsync<T>(string operation, string subject, Func<Task<T>> call, CancellationToken cancellationToken, TimeSpan? repeatAfter = null)
    {
        long? firstFailure = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return repeatAfter is { } every
                    ? await RepeatedCall.RunAsync(call, every, timeProvider, () => LogRepeating(logger, operation, subject, (int)every.TotalSeconds), cancellationToken)
                    : await call();
            }
            catch (Exception error) when (TransientClusterErrors.IsTransient(error) && !cancellationToken.IsCancellationRequested)
            {
                firstFailure ??= timeProvider.GetTimestamp();
                var delay = ClusterBackoff.Delay(attempt, Random.Shared.NextDouble());
                var elapsed = timeProvider.GetElapsedTime(firstFailure.Value);
                if (elapsed + delay > budget)
                {
                    LogGaveUp(logger, operation, subject, attempt, (int)elapsed.TotalSeconds, error.GetType().Name);
                    throw new ClusterUnavailableException($"{operation} failed {attempt} time(s) over {elapsed.TotalSeconds:0} s: {error.Message}", error);
                }
                LogRetrying(logger, operation, subject, attempt, (int)delay.TotalMilliseconds, error.GetType().Name);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "{Operation} for {Subject} failed (attempt {Attempt}, {ErrorType}); retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string operation, string subject, int attempt, int delayMs, string errorType);

    [LoggerMessage(3, LogLevel.Information, "{Operation} for {Subject}: no answer within {Seconds} s; repeating it alongside")]
    private static partial void LogRepeating(ILogger logger, string operation, string subject, int seconds);

    [LoggerMessage(2, LogLevel.Error, "{Operation} for {Subject} gave up after {Attempt} attempt(s) over {Seconds} s ({ErrorType})")]
    private static partial void LogGaveUp(ILogger logger, string operation, string subject, int attempt, int seconds, string errorType);
}
