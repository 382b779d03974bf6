using OrleansAssistant.Hosting;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>Where the terminal chat looks for the cluster, in the words its start lines use.</summary>
internal static class TerminalClusterAddress
{
    public static string Describe(ClusterSettings cluster) => cluster.Clustering == ClusteringMode.AdoNet
        ? $"'{cluster.ClusterId}' (silos listed in its membership table)"
        : $"127.0.0.1:{cluster.GatewayPort}";
}
