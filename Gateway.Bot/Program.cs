using OrleansAssistant.Gateway.Bot;
using OrleansAssistant.Gateway.Bot.Terminal;
using OrleansAssistant.Hosting;

// "chat --user <id>": the same router driven from the terminal, without Telegram.
if (TerminalChatCommand.Matches(args)) return await TerminalChatCommand.RunAsync(args);

// The Telegram gateway as its own process: an Orleans client of the cluster. Always a web host, so in
// webhook mode several copies can serve Telegram's posts behind a load balancer.
return await GatewayRunner.RunAsync(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    LoggingDefaults.Apply(builder.Configuration);
    builder.AddClusterClient();
    builder.AddAssistantTelemetry("orleans-assistant-bot");
    if (!builder.AddBotGateway())
    {
        throw new InvalidSettingException(TelegramSettings.TokenVariable, "is required to run the bot gateway on its own.");
    }
    builder.WebHost.UseUrls(SettingReader.Text(builder.Configuration, $"{TelegramSettings.Section}:WebhookListenUrls", "http://localhost:5080").Split(';'));
    var app = builder.Build();
    app.MapBotWebhook();
    return app;
});
