using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansAssistant.Gateway.Bot;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Hosting;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>The Telegram gateway as an Orleans client of the cluster, hosted in the test process as Gateway.Bot's Program hosts it.</summary>
internal sealed class BotGatewayHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BotGatewayHost(IHost host, LogRecorder logs)
    {
        _host = host;
        Logs = logs;
    }

    /// <summary>The gateway's warnings and errors, printed with the test's figures so a failure shows its cause.</summary>
    public LogRecorder Logs { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<BotGatewayHost> StartAsync(string clusterConnectionString, string telegramBaseUrl, string botToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Clustering"] = "AdoNet",
            ["ConnectionStrings:Default"] = clusterConnectionString,
            ["Telegram:ApiBaseUrl"] = telegramBaseUrl,
            ["Telegram:BotToken"] = botToken,
        });
        var logs = new LogRecorder();
        builder.Logging.AddFilter(level => level >= LogLevel.Warning).AddProvider(logs);
        builder.AddClusterClient();
        Assert.True(builder.AddBotGateway(), "the bot gateway did not start: no token");
        var host = builder.Build();
        await host.StartAsync();
        return new BotGatewayHost(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _host.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // A client still talking to a dead silo may not stop in time; the test is over anyway.
        }
        _host.Dispose();
    }
}
