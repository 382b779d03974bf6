using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace OrleansAssistant.Gateway.Dashboard.Health;

/// <summary>
/// <c>/ready</c>: 200 only while no health check fails and the host is not shutting down, so a load
/// balancer stops sending work to a process that is stopping before it refuses connections. A degraded
/// check (e.g. the model endpoint, without which commands still work) keeps the process ready.
/// </summary>
internal static class ReadinessEndpoint
{
    public const string Path = "/ready";

    public static IEndpointConventionBuilder MapReadiness(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, CheckAsync).ExcludeFromDescription();

    private static async Task<IResult> CheckAsync(HealthCheckService health, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Results.Json(new { status = "Stopping" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var report = await health.CheckHealthAsync(cancellationToken);
        if (report.Status != HealthStatus.Unhealthy) return Results.Json(new { status = "Ready" });
        var failing = report.Entries.Where(entry => entry.Value.Status == HealthStatus.Unhealthy).ToDictionary(
            entry => entry.Key,
            entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description });
        return Results.Json(new { status = "NotReady", checks = failing }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
