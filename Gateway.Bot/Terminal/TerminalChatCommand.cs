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

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.In, Console.Out, echoInput: Console.IsInputRedirected);

    /// <summary>Runs the chat over <paramref name="input"/> and <paramref name="output"/>; returns the process's exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, bool echoInput)
    {
        ArgumentNullException.ThrowIfNull(args);
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
            var address = TerminalClusterAddress.Describe(ClusterSettings.Read(builder.Configuration));
            // Connecting can take several attempts: say at once what the chat is waiting for.
            output.WriteLine($"Connecting to the cluster at {address} …");
            output.Flush();
            builder.AddClusterClient();
            TerminalConnectNotes.Decorate(builder.Services);
            builder.Services.AddTerminalChat(user, output, echoInput);
            builder.Services.AddHostedService(provider => new TerminalChatService(
                provider.GetRequiredService<TerminalChat>(), provider.GetRequiredService<TerminalScreen>(),
                provider.GetRequiredService<IHostApplicationLifetime>(), input, address));
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
                // The chat says itself, in plain lines, that no silo answers; the client's stack traces would bury that.
                ["Logging:LogLevel:Orleans"] = "Error",
                ["Logging:LogLevel:OrleansAssistant.Hosting.ClusterConnectRetryFilter"] = "None",
                ["Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host"] = "Critical",
            },
        });
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
