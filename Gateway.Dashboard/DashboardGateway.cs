using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using OrleansAssistant.Gateway.Dashboard.Health;

namespace OrleansAssistant.Gateway.Dashboard;

/// <summary>Registration of the dashboard web app, hosted alone or inside a silo.</summary>
public static class DashboardGateway
{
    public static IHostApplicationBuilder AddDashboardGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(DashboardSettings.Read(builder.Configuration));
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        return builder;
    }

    public static WebApplication MapDashboardGateway(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });

        // Embedded resource names are "<root namespace>.wwwroot.<path with dots>", which is what this provider looks up.
        var files = new EmbeddedFileProvider(typeof(DashboardGateway).Assembly, "OrleansAssistant.Gateway.Dashboard.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
