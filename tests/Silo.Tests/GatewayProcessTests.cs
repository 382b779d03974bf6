using System.Globalization;
using System.Net;
using System.Text.Json;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Silo.Tests;

/// <summary>The gateways run as their own processes, as Orleans clients of a running silo.</summary>
public sealed class GatewayProcessTests
{
    [Fact]
    public async Task DashboardProcess_ConnectsToRunningSilo_AndReportsItsHealth()
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        await using var silo = await InProcessSilo.StartAsync(settings);
        var port = FreePort.Next();

        await using var dashboard = DotnetRunProcess.Start("Gateway.Dashboard", folder.Path, new Dictionary<string, string>
        {
            ["Cluster__GatewayPort"] = settings["Cluster:GatewayPort"]!,
            ["Dashboard__Urls"] = $"http://127.0.0.1:{port}",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var body = await HealthPolling.WaitForOkAsync(http, dashboard, TimeSpan.FromSeconds(60));

        using var report = JsonDocument.Parse(body);
        var cluster = report.RootElement.GetProperty("checks").GetProperty("cluster");
        Assert.Equal("Healthy", cluster.GetProperty("status").GetString());
        Assert.Equal(1, cluster.GetProperty("data").GetProperty("activeSilos").GetInt32());
    }

    [Fact]
    public async Task DashboardProcess_WithNoSilo_GivesUpWithOneClearLine()
    {
        using var folder = new TempDirectory();
        await using var dashboard = DotnetRunProcess.Start("Gateway.Dashboard", folder.Path, new Dictionary<string, string>
        {
            ["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster__ConnectAttempts"] = "2",
            ["Dashboard__Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        });

        var exitCode = await dashboard.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, exitCode);
        Assert.Contains("Cluster unreachable: Unable to connect to any of the 1 available gateways.", dashboard.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotProcess_WithoutToken_ExitsNamingTheMissingSetting()
    {
        using var folder = new TempDirectory();
        await using var bot = DotnetRunProcess.Start("Gateway.Bot", folder.Path, new Dictionary<string, string>());

        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Equal("Configuration error: TELEGRAM_BOT_TOKEN is required to run the bot gateway on its own.", bot.Output.Trim());
    }
}
