using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
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
    public async Task DashboardProcess_LogsAnOwnerIn_AndServesTheirOrganization()
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        await using var silo = await InProcessSilo.StartAsync(settings);
        await silo.Grains.GetGrain<IUserGrain>(7001).RegisterAsync(new TelegramProfile(7001, "ada", "Ada", "Lovelace", "en"));
        var created = await silo.Grains.GetGrain<IMembershipGrain>(0).CreateOrganizationAsync(7001, "Analytical Engines");
        var credentials = created.Credentials!;
        var port = FreePort.Next();

        await using var dashboard = DotnetRunProcess.Start("Gateway.Dashboard", folder.Path, new Dictionary<string, string>
        {
            ["Cluster__GatewayPort"] = settings["Cluster:GatewayPort"]!,
            ["Dashboard__Urls"] = $"http://127.0.0.1:{port}",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await HealthPolling.WaitForOkAsync(http, dashboard, TimeSpan.FromSeconds(60));

        using var login = await http.PostAsJsonAsync(new Uri("/dashboard/login", UriKind.Relative),
            new { username = credentials.Username, password = credentials.Password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"login: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}\n{dashboard.Output}");
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/members", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var members = await http.SendAsync(request);

        Assert.True(members.StatusCode == HttpStatusCode.OK, $"members: {(int)members.StatusCode} {await members.Content.ReadAsStringAsync()}\n{dashboard.Output}");
        var list = await members.Content.ReadFromJsonAsync<JsonElement>();
        var owner = Assert.Single(list.EnumerateArray());
        Assert.Equal(7001, owner.GetProperty("userId").GetInt64());
        Assert.Equal("Ada Lovelace", owner.GetProperty("displayName").GetString());
        Assert.Equal("OrgOwner", owner.GetProperty("role").GetString());
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
