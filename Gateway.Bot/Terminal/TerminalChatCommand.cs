using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>
/// <c>Gateway.Bot chat --user &lt;id&gt; [--name &lt;first name&gt;]</c>: the bot in the terminal, as an Orleans
/// client of a running silo, without a Telegram token. Other arguments are settings, as for the gateway.
/// </summary>
public static class TerminalChatCommand
{
    public const string Name = "chat";

    public static bool Matches(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args[1..];
        if (TerminalUser.Parse(options, out var error) is not { } user)
        {
            await Console.Error.WriteLineAsync(error);
            return GatewayRunner.BadConfiguration;
        }
        return await GatewayRunner.RunAsync(() =>
        {
            var builder = Host.CreateApplicationBuilder(options);
            LoggingDefaults.Apply(builder.Configuration);
            QuietLogs(builder);
            builder.AddClusterClient();
            builder.Services.AddTerminalChat(user, Console.Out, echoInput: Console.IsInputRedirected);
            builder.Services.AddHostedService<TerminalChatService>();
            return builder.Build();
        });
    }

    // Stdout is the conversation: logs go to stderr, and only when something is wrong.
    private static void QuietLogs(HostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(1, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:OrleansAssistant"] = "Warning",
            },
        });
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
