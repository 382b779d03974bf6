using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>
/// Tells the person at the terminal, in plain lines, that no silo answers yet and when the chat gives up;
/// the cluster client's own retry filter (<paramref name="inner"/>) still decides whether and when to try again.
/// </summary>
internal sealed class TerminalConnectNotes(IClientConnectionRetryFilter inner, ClusterSettings cluster, TerminalScreen screen) : IClientConnectionRetryFilter
{
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        var address = TerminalClusterAddress.Describe(cluster);
        if (attempt < cluster.ConnectAttempts)
        {
            screen.ShowNote($"No silo answers at {address} yet (attempt {attempt} of {cluster.ConnectAttempts}); trying again in a few seconds.");
        }
        var retry = await inner.ShouldRetryConnectionAttempt(exception, cancellationToken);
        if (!retry)
        {
            screen.ShowNote($"No silo is running at {address}: start one with 'dotnet run --project Silo' (or check that Cluster:* matches the silo's settings), then start the chat again.");
        }
        return retry;
    }

    /// <summary>Wraps the retry filter <see cref="ClusterClientSetup"/> registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(service => service.ServiceType == typeof(IClientConnectionRetryFilter));
        var innerType = registered.ImplementationType
            ?? throw new InvalidOperationException("The cluster client's retry filter is expected to be registered by type.");
        services.Remove(registered);
        services.AddSingleton<IClientConnectionRetryFilter>(provider => new TerminalConnectNotes(
            (IClientConnectionRetryFilter)ActivatorUtilities.CreateInstance(provider, innerType),
            provider.GetRequiredService<ClusterSettings>(),
            provider.GetRequiredService<TerminalScreen>()));
    }
}
