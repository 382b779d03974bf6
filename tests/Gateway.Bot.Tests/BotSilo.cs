using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>An in-process silo wired to a Telegram Bot API server of the test's choosing.</summary>
internal static class BotSilo
{
    /// <param name="botToken">Empty: the silo runs without a bot.</param>
    public static Dictionary<string, string?> Settings(string dataDirectory, string telegramBaseUrl, string botToken)
    {
        var settings = InProcessSilo.BaseSettings(dataDirectory);
        settings["Telegram:ApiBaseUrl"] = telegramBaseUrl;
        settings["Telegram:BotToken"] = botToken;
        return settings;
    }

    /// <summary>The bot's polling service, or null when the silo runs without a bot.</summary>
    public static BackgroundService? Bot(this InProcessSilo silo) => silo.Services.GetServices<IHostedService>()
        .OfType<BackgroundService>()
        .SingleOrDefault(service => service.GetType().Assembly == typeof(BotGateway).Assembly && service.GetType().Name == "BotPollingService");
}
