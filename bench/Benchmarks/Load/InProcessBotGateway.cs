using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Gateway.Bot;
using OrleansAssistant.Hosting;
using OrleansAssistant.TestSupport.Telegram;
using Telegram.Bot;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// The Telegram gateway as production composes it (<c>AddClusterClient</c> + <c>AddBotGateway</c>, polling mode),
/// hosted in the benchmark process as an Orleans client of the measured cluster and pointed at the fake Telegram.
/// </summary>
internal sealed class InProcessBotGateway : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessBotGateway(IHost host) => _host = host;

    public IClusterClient Cluster => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<InProcessBotGateway> StartAsync(string clusterConnectionString, FakeTelegramServer telegram, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Clustering"] = "AdoNet",
            ["Cluster:ConnectionString"] = clusterConnectionString,
            ["Telegram:BotToken"] = telegram.Bot.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
        });
        // Only failures: a healthy run prints its tables, nothing else.
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Error);
        // A progress report that reaches the gateway after the answer (its observer already deleted) is logged
        // here as an error; the answer itself is unaffected, so it would only bury the tables.
        builder.Logging.AddFilter("Orleans.ClientGrainContext", LogLevel.Critical);
        builder.AddClusterClient();
        builder.AddBotGateway();
        // Telegram allows a bot about 30 messages a second, and the gateway paces itself to that. Here the cluster
        // is measured, not Telegram's quota, so the client talks to the fake without the pace (docs/scaling.md).
        builder.Services.AddSingleton<ITelegramBotClient>(_ => new TelegramBotClient(
            new TelegramBotClientOptions(telegram.Bot.Token, telegram.BaseUrl) { RetryThreshold = 0, RetryCount = 0 },
            new HttpClient(new SocketsHttpHandler { UseProxy = false })));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new InProcessBotGateway(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _host.StopAsync(stopping.Token);
        _host.Dispose();
    }
}
