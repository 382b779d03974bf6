using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>/healthz tells strangers only whether the service is up; checks and paths are for this machine or the configured token.</summary>
public sealed class HealthDisclosureTests
{
    private const string DetailsToken = "health-details-7f3a9c";

    [Fact]
    public async Task Healthz_FromAnotherMachine_GivesStatusOnly_UnlessTheTokenIsSent()
    {
        var outside = NonLoopbackAddress();
        var outsidePort = FreePort.Next();
        await using var host = await DashboardHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dashboard:Urls"] = $"http://127.0.0.1:{FreePort.Next()};http://{outside}:{outsidePort}",
            ["Health:DetailsToken"] = DetailsToken,
        });
        using var stranger = new HttpClient { BaseAddress = new Uri($"http://{outside}:{outsidePort.ToString(CultureInfo.InvariantCulture)}") };

        var anonymous = await ReadAsync(stranger, token: null);
        var wrongToken = await ReadAsync(stranger, token: "guess");
        var withToken = await ReadAsync(stranger, DetailsToken);
        var local = await ReadAsync(host.NewClient(), token: null);

        Assert.Equal(["status"], PropertyNames(anonymous.Json));
        Assert.False(string.IsNullOrEmpty(anonymous.Json.GetProperty("status").GetString()));
        Assert.DoesNotContain(host.DataDirectory, anonymous.Body, StringComparison.Ordinal);
        Assert.Equal(["status"], PropertyNames(wrongToken.Json));
        Assert.True(withToken.Json.TryGetProperty("checks", out _), withToken.Body);
        Assert.True(local.Json.TryGetProperty("checks", out _), local.Body);
    }

    private static async Task<(string Body, JsonElement Json)> ReadAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        if (token is not null) request.Headers.Add("X-Health-Token", token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return (body, JsonDocument.Parse(body).RootElement.Clone());
    }

    private static string[] PropertyNames(JsonElement json) => [.. json.EnumerateObject().Select(property => property.Name)];

    /// <summary>An address of this machine that is not loopback, so requests to it arrive from "another machine".</summary>
    private static IPAddress NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(network => network.OperationalStatus == OperationalStatus.Up)
            .SelectMany(network => network.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .First(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address));
}
