using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Telegram.Bot;

namespace OrleansAssistant.Gateway.Bot;

/// <summary>Registration of the Telegram gateway, hosted alone or inside a silo.</summary>
public static class BotGateway
{
    /// <returns>Whether the bot will run (a token is configured).</returns>
    public static bool AddBotGateway(this IHostApplicationBuilder builder)
    {
        var settings = TelegramSettings.Read(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (!settings.Enabled) return false;

        builder.Services.AddHttpClient(nameof(BotGateway));
        builder.Services.AddSingleton<ITelegramBotClient>(services => new TelegramBotClient(
            new TelegramBotClientOptions(settings.BotToken!, settings.ApiBaseUrl.ToString().TrimEnd('/')),
            services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(BotGateway))));
        builder.Services.AddSingleton<UpdateRouter>();
        builder.Services.AddHostedService<BotPollingService>();
        return true;
    }
}
