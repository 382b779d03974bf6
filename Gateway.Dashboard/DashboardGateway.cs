using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Dashboard.Activity;
using OrleansAssistant.Gateway.Dashboard.Costs;
using OrleansAssistant.Gateway.Dashboard.Databases;
using OrleansAssistant.Gateway.Dashboard.Health;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Invitations;
using OrleansAssistant.Gateway.Dashboard.Members;
using OrleansAssistant.Gateway.Dashboard.Overview;
using OrleansAssistant.Gateway.Dashboard.Questions;
using OrleansAssistant.Gateway.Dashboard.Schedules;
using OrleansAssistant.Gateway.Dashboard.Security;
using OrleansAssistant.Gateway.Dashboard.Settings;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Gateway.Dashboard.Usage;
using OrleansAssistant.Hosting.Resilience;

namespace OrleansAssistant.Gateway.Dashboard;

/// <summary>Registration of the dashboard web app, hosted alone or inside a silo.</summary>
public static class DashboardGateway
{
    public static IHostApplicationBuilder AddDashboardGateway(this IHostApplicationBuilder builder)
    {
        var settings = DashboardSettings.Read(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        services.AddHostedService<ShutdownDrain>();
        services.AddDashboardRateLimits(settings);
        services.AddProblemDetails();
        // Binding failures throw so BadRequestHandler can name the field; handlers run in this order.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<ClusterUnavailableHandler>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(options => options.AddDocumentTransformer<DashboardOpenApi>());
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<MemberRoster>();
        services.AddSingleton<InvitationViews>();
        return builder;
    }

    public static WebApplication MapDashboardGateway(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseRateLimiter();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapReadiness();

        // Embedded resource names are "<root namespace>.wwwroot.<path with dots>", which is what this provider looks up.
        var files = new EmbeddedFileProvider(typeof(DashboardGateway).Assembly, "OrleansAssistant.Gateway.Dashboard.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });

        app.MapOpenApi();
        var api = app.MapGroup("/dashboard").RequireRateLimiting(DashboardRateLimits.Api).WithTags("Dashboard")
            .AddEndpointFilter(new ClusterReadRetry(new ClusterCallRetry(ClusterReadRetry.DefaultBudget,
                app.Services.GetService<TimeProvider>() ?? TimeProvider.System, app.Services.GetRequiredService<ILogger<ClusterCallRetry>>())));
        api.MapSessionEndpoints();
        api.MapOverviewEndpoints();
        api.MapMemberEndpoints();
        api.MapDatabaseEndpoints();
        api.MapInvitationEndpoints();
        api.MapCostEndpoints();
        api.MapUsageEndpoints();
        api.MapActivityEndpoints();
        api.MapQuestionEndpoints();
        api.MapLibraryEndpoints();
        api.MapScheduleEndpoints();
        api.MapSettingsEndpoints();
        return app;
    }
}
