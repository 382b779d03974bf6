using OrleansAssistant.Gateway.Dashboard;
using OrleansAssistant.Hosting;

// The dashboard as its own process: an Orleans client of the cluster.
return await GatewayRunner.RunAsync(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    LoggingDefaults.Apply(builder.Configuration);
    builder.AddClusterClient();
    builder.AddAssistantTelemetry("orleans-assistant-dashboard");
    builder.AddDashboardGateway();
    builder.WebHost.UseUrls(DashboardSettings.Read(builder.Configuration).Urls.Split(';'));
    var app = builder.Build();
    app.MapDashboardGateway();
    return app;
});
