using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace OrleansAssistant.Hosting;

/// <summary>
/// Runs a gateway process and turns the failures an operator must fix (bad settings, no reachable
/// cluster) into one line on stderr and a distinct exit code instead of a stack trace.
/// </summary>
public static class GatewayRunner
{
    public const int BadConfiguration = 2;
    public const int ClusterUnreachable = 3;

    public static async Task<int> RunAsync(Func<IHost> build)
    {
        try
        {
            using var host = build();
            await host.RunAsync();
            return 0;
        }
        catch (InvalidSettingException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return BadConfiguration;
        }
        catch (OrleansException error) when (error is Orleans.Runtime.Messaging.ConnectionFailedException or SiloUnavailableException)
        {
            await Console.Error.WriteLineAsync($"Cluster unreachable: {error.Message} Check that a silo is running and that Cluster:* matches its settings.");
            return ClusterUnreachable;
        }
    }
}
