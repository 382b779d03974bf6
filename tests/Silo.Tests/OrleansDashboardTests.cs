using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Silo.Tests;

public sealed class OrleansDashboardTests
{
    [Fact]
    public async Task OrleansDashboard_WithAPort_AnswersOnThatPortOnly()
    {
        using var folder = new TempDirectory();
        var port = FreePort.Next();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        settings["OrleansDashboard:Port"] = port.ToString(CultureInfo.InvariantCulture);
        await using var silo = await InProcessSilo.StartAsync(settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using var own = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/orleans"));
        using var onPublicPort = await http.GetAsync(new Uri($"{settings["Dashboard:Urls"]}/orleans"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("text/html", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, onPublicPort.StatusCode);
    }

    [Fact]
    public async Task OrleansDashboard_OnThePublicPort_IsNotReachedByNamingItsPortInTheHostHeader()
    {
        using var folder = new TempDirectory();
        var port = FreePort.Next();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        settings["OrleansDashboard:Port"] = port.ToString(CultureInfo.InvariantCulture);
        await using var silo = await InProcessSilo.StartAsync(settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{settings["Dashboard:Urls"]}/orleans"));
        request.Headers.Host = $"127.0.0.1:{port}";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OrleansDashboard_WithoutAPort_NothingListens()
    {
        using var folder = new TempDirectory();
        var port = FreePort.Next();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        await using var silo = await InProcessSilo.StartAsync(settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/orleans")));
        Assert.Equal(SocketError.ConnectionRefused, (refused.InnerException as SocketException)?.SocketErrorCode);
        using var onPublicPort = await http.GetAsync(new Uri($"{settings["Dashboard:Urls"]}/orleans"));
        Assert.Equal(HttpStatusCode.NotFound, onPublicPort.StatusCode);
    }

    [Theory]
    [InlineData("OrleansDashboard:Port", "seventy")]
    [InlineData("OrleansDashboard:ListenAddress", "dashboard.example.com")]
    public void OrleansDashboard_WrongSetting_StopsStartUpNamingIt(string key, string value)
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        settings["OrleansDashboard:Port"] = "9090";
        settings[key] = value;

        var error = Assert.Throws<OrleansAssistant.Hosting.InvalidSettingException>(() => AssistantSilo.Build([], settings));

        Assert.Equal(key, error.Setting);
    }
}
