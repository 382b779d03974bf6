using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>
/// Retries a read (GET) whose grain calls failed because part of the cluster is down: a dead silo's
/// grains answer with transient errors until membership marks it dead (about 15 s). Reads are safe to
/// repeat; changes (POST, DELETE) are never repeated here: they fail at once with a 503 the page explains.
/// </summary>
public sealed partial class ClusterReadRetry(TimeSpan budget, ILogger<ClusterReadRetry> logger) : IEndpointFilter
{
    /// <summary>Long enough for membership to catch up with a dead silo, short enough for a person to wait.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(20);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method)) return await next(context);
        var giveUpAt = DateTime.UtcNow + budget;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(context);
            }
            catch (Exception error) when (TransientClusterErrors.IsTransient(error) && DateTime.UtcNow < giveUpAt && !http.RequestAborted.IsCancellationRequested)
            {
                var delay = ClusterBackoff.Delay(attempt, Random.Shared.NextDouble());
                LogRetrying(logger, http.Request.Path, attempt, error.GetType().Name, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, http.RequestAborted);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "GET {Path}: cluster call failed ({Error}), retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, PathString path, int attempt, string error, int delayMs);
}
