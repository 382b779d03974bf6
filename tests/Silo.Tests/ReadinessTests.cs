using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Silo.Tests;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_OnAStartedSilo_Answers200Ready()
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        await using var silo = await InProcessSilo.StartAsync(settings);
        using var http = Client(settings);

        var (status, body) = await ReadyAsync(http);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ready", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_OnceShutdownBegins_Answers503_WhileTheDrainKeepsServing()
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        settings["Dashboard:ShutdownDrainSeconds"] = "5";
        await using var silo = await InProcessSilo.StartAsync(settings);
        using var http = Client(settings);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(http)).Status);

        // What SIGTERM does: the host is asked to stop; during the drain the process still serves.
        silo.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var (status, body) = await ReadyAsync(http);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Stopping", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Ready_WithAFailingCheck_Answers503_NamingOnlyTheFailingCheck()
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        await using var silo = await InProcessSilo.StartAsync(settings, services => services.AddHealthChecks()
            .AddCheck("broken-dependency", () => HealthCheckResult.Unhealthy("down for the test")));
        using var http = Client(settings);

        var (status, body) = await ReadyAsync(http);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("NotReady", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal("down for the test", checks.GetProperty("broken-dependency").GetProperty("description").GetString());
        Assert.False(checks.TryGetProperty("app-database", out _));
    }

    private static HttpClient Client(Dictionary<string, string?> settings) =>
        new() { BaseAddress = new Uri(settings["Dashboard:Urls"]!), Timeout = TimeSpan.FromSeconds(10) };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/ready", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }
}
