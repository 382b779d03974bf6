using Microsoft.Extensions.Hosting;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>
/// Runs the terminal chat once the cluster client is connected (hosted services start in order, the client first),
/// after a line saying where it is connected and how to use it, and ends the process with it.
/// </summary>
internal sealed class TerminalChatService(TerminalChat chat, TerminalScreen screen, IHostApplicationLifetime lifetime, TextReader input, string clusterAddress)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            screen.ShowNote($"Connected to the cluster at {clusterAddress}. Type /start or a question; #N presses button N; quit ends.");
            await chat.RunAsync(input, stoppingToken);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
