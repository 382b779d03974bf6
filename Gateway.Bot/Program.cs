using OrleansAssistant.Gateway.Bot;
using OrleansAssistant.Hosting;

// The Telegram gateway as its own process: an Orleans client of the cluster.
return await GatewayRunner.RunAsync(() =>
{
    var builder = Host.CreateApplicationBuilder(args);
    LoggingDefaults.Apply(builder.Configuration);
    builder.AddClusterClient();
    builder.AddAssistantTelemetry("orleans-assistant-bot");
    if (!builder.AddBotGateway())
    {
        throw new InvalidSettingException(TelegramSettings.TokenVariable, "is required to run the bot gateway on its own.");
    }
    return builder.Build();
});
