using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansAssistant.Silo;

using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.TestSupport;

/// <summary>The real silo composition (<see cref="AssistantSilo"/>) started inside the test process.</summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dashboardUrl;

    private InProcessSilo(WebApplication app, string dashboardUrl)
    {
        _app = app;
        _dashboardUrl = dashboardUrl;
    }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Whether something asked the host to shut down (a crashed hosted service does).</summary>
    public bool IsStopping => _app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;

    /// <summary>A private data folder, free ports and no bot; callers add or change settings.</summary>
    public static Dictionary<string, string?> BaseSettings(string dataDirectory) => new()
    {
        ["DataDirectory"] = dataDirectory,
        ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Dashboard:Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["Telegram:BotToken"] = "",
        // The developer's own token must never reach a test.
        ["TELEGRAM_BOT_TOKEN"] = "",
        // A fixed key lets several test silos read each other's connection strings, as a real cluster must.
        ["Secrets:CurrentKeyId"] = "test",
        ["Secrets:Keys:test"] = "dGVzdC1rZXktMzItYnl0ZXMtbG9uZy1mb3ItYWVzISE=",
        // Generating the demo database takes seconds; only the tests about it turn it on.
        ["Databases:DemoDatabase"] = "false",
        // The test databases (TestPostgres, TestMariaDb) listen on loopback, which customer connections may not reach by default.
        ["Databases:AllowedHosts:0"] = "127.0.0.1",
        ["Model:SummaryModel"] = PinnedModels.Summary,
        ["Model:AnswerModel"] = PinnedModels.Answer,
        ["Model:EmailModel"] = PinnedModels.Email,
    };

    public static async Task<InProcessSilo> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        var app = AssistantSilo.Build([], settings, configureServices);
        try
        {
            await AssistantSilo.StartAsync(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        // The first of several URLs is the one tests talk to.
        return new InProcessSilo(app, settings["Dashboard:Urls"]!.Split(';')[0]);
    }

    /// <summary>Polls /healthz until it answers 200 (the silo may still be joining its cluster).</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = new Uri(_dashboardUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException error)
            {
                last = error.Message;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"/healthz did not answer 200 within {limit.TotalSeconds} s; last: {last}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
