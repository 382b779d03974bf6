using Microsoft.Extensions.Hosting;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>Runs the terminal chat over the console once the cluster client is connected, and ends the process with it.</summary>
internal sealed class TerminalChatService(TerminalChat chat, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await chat.RunAsync(Console.In, stoppingToken);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
