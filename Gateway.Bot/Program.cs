using OrleansAssistant.Gateway.Bot;
using OrleansAssistant.Hosting;

// The Telegram gateway as its own process: an Orleans client of the cluster.
try
{
    var builder = Host.CreateApplicationBuilder(args);
    LoggingDefaults.Apply(builder.Configuration);
    builder.AddClusterClient();
    builder.AddAssistantTelemetry("orleans-assistant-bot");
    if (!builder.AddBotGateway())
    {
        Console.Error.WriteLine($"Configuration error: {TelegramSettings.TokenVariable} is required to run the bot gateway.");
        return 2;
    }
    await builder.Build().RunAsync();
    return 0;
}
catch (InvalidSettingException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
