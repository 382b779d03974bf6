using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Silo.Tests;

/// <summary>The real silo composition (<see cref="AssistantSilo"/>) started inside the test process.</summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessSilo(WebApplication app) => _app = app;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Free ports and no bot, plus the caller's settings.</summary>
    public static Dictionary<string, string?> BaseSettings(string dataDirectory) => new()
    {
        ["DataDirectory"] = dataDirectory,
        ["Cluster:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cluster:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dashboard:Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["Telegram:BotToken"] = "",
        ["TELEGRAM_BOT_TOKEN"] = "",
    };

    public static async Task<InProcessSilo> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var app = AssistantSilo.Build([], settings);
        try
        {
            await AssistantSilo.StartAsync(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new InProcessSilo(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
