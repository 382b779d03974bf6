using Microsoft.AspNetCore.Http;
using OrleansAssistant.Hosting.Resilience;

namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>
/// Retries a read (GET) whose grain calls failed because part of the cluster is down: a dead silo's
/// grains answer with transient errors until membership marks it dead (about 15 s). Reads are safe to
/// repeat; changes (POST, DELETE) are never repeated here: they fail at once with a 503 the page explains.
/// </summary>
public sealed class ClusterReadRetry(ClusterCallRetry retry) : IEndpointFilter
{
    /// <summary>Long enough for membership to catch up with a dead silo, short enough for a person to wait.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(20);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method)) return await next(context);
        return await retry.RunAsync("Reading", $"GET {http.Request.Path}", () => next(context).AsTask(), http.RequestAborted);
    }
}
