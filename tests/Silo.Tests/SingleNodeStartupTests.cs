using System.Diagnostics;
using System.Text.Json;
using OrleansAssistant.TestSupport;
using Xunit.Abstractions;

namespace OrleansAssistant.Silo.Tests;

public sealed class SingleNodeStartupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DotnetRunSilo_InEmptyFolder_AnswersHealthzWithin30Seconds()
    {
        using var folder = new TempDirectory();
        var port = FreePort.Next();
        var clock = Stopwatch.StartNew();
        await using var silo = DotnetRunProcess.Start("Silo", folder.Path, new Dictionary<string, string>
        {
            ["Dashboard__Urls"] = $"http://127.0.0.1:{port}",
            ["Cluster__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        var health = await HealthPolling.WaitForOkAsync(http, silo, TimeSpan.FromSeconds(30));
        output.WriteLine($"/healthz answered 200 after {clock.ElapsedMilliseconds} ms");

        using var report = JsonDocument.Parse(health);
        var checks = report.RootElement.GetProperty("checks");
        // Without GEMINI_API_KEY the model endpoint is "not configured": reported, never failing the silo.
        Assert.Equal("notConfigured", checks.GetProperty("model-endpoint").GetProperty("data").GetProperty("state").GetString());
        Assert.All(checks.EnumerateObject().Where(check => check.Name != "model-endpoint"),
            check => Assert.Equal("Healthy", check.Value.GetProperty("status").GetString()));
        Assert.Equal(1, checks.GetProperty("cluster").GetProperty("data").GetProperty("activeSilos").GetInt32());
        Assert.Equal("Healthy", checks.GetProperty("grain-storage").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("app-database").GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "grains.db")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "app.db")));
        // First start of the embedded default: an encryption key of its own (and a log line saying so) and the demo database.
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "secret-keys.json")));
        Assert.Contains("Generated a new encryption key", silo.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "demo-sales.db")));

        var page = await http.GetStringAsync("/");
        Assert.Contains("<title>Orleans Assistant dashboard</title>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"login-form\"", page, StringComparison.Ordinal);
        // Chart.js is restored from npm by the build and served from the assembly.
        Assert.Contains("Chart", await http.GetStringAsync("/lib/chart.umd.js"), StringComparison.Ordinal);
    }
}
