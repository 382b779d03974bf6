using OrleansAssistant.Gateway.Dashboard;
using OrleansAssistant.Hosting;

// The dashboard as its own process: an Orleans client of the cluster.
try
{
    var builder = WebApplication.CreateBuilder(args);
    LoggingDefaults.Apply(builder.Configuration);
    builder.AddClusterClient();
    builder.AddAssistantTelemetry("orleans-assistant-dashboard");
    builder.AddDashboardGateway();
    builder.WebHost.UseUrls(DashboardSettings.Read(builder.Configuration).Urls.Split(';'));
    var app = builder.Build();
    app.MapDashboardGateway();
    await app.RunAsync();
    return 0;
}
catch (InvalidSettingException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
