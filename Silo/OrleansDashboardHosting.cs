using Orleans.Dashboard;
using OrleansAssistant.Silo.Configuration;

namespace OrleansAssistant.Silo;

/// <summary>
/// The Orleans dashboard on a port of its own. It has no login, so it answers only requests that
/// came in on that port: the public dashboard's URLs never reach it.
/// </summary>
internal static class OrleansDashboardHosting
{
    public static ISiloBuilder AddConfiguredOrleansDashboard(this ISiloBuilder silo, OrleansDashboardSettings settings) =>
        settings.Enabled ? silo.AddDashboard() : silo;

    /// <summary>The public dashboard's URLs, plus the Orleans dashboard's own when it is on.</summary>
    public static string[] ListenUrls(string dashboardUrls, OrleansDashboardSettings settings)
    {
        var urls = dashboardUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return settings.Enabled ? [.. urls, settings.ListenUrl] : urls;
    }

    public static WebApplication MapConfiguredOrleansDashboard(this WebApplication app, OrleansDashboardSettings settings)
    {
        if (settings.Port is not { } port) return app;
        IEndpointConventionBuilder endpoints = app.MapOrleansDashboard(OrleansDashboardSettings.RoutePrefix).RequireHost($"*:{port}");
        // The Host header is the client's to choose; the port the connection arrived on is not.
        endpoints.Add(endpoint => endpoint.RequestDelegate = OnlyOnPort(port, endpoint.RequestDelegate));
        return app;
    }

    // Its page uses inline styles and embedded fonts, which the public dashboard's policy forbids; scripts stay 'self' only.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static RequestDelegate? OnlyOnPort(int port, RequestDelegate? next) => next is null ? null : context =>
    {
        if (context.Connection.LocalPort != port)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    };
}
