using System.Net;
using Orleans.Configuration;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo;

/// <summary>Applies <see cref="ClusterSettings"/> to the silo: identity, endpoints and membership.</summary>
internal static class SiloClustering
{
    public static ISiloBuilder UseConfiguredClustering(this ISiloBuilder silo, ClusterSettings cluster)
    {
        if (cluster.Clustering == ClusteringMode.Localhost)
        {
            return silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        var address = cluster.AdvertisedAddress is null ? IPAddress.Loopback : ParseAddress(cluster.AdvertisedAddress);
        silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: cluster.AdvertisedAddress is not null);
        return silo.UseAdoNetClustering(options =>
        {
            options.Invariant = cluster.Invariant;
            options.ConnectionString = cluster.ConnectionString;
        });
    }

    /// <summary>Mutual TLS on the silo and gateway ports when <c>Cluster:Tls</c> is configured.</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterTls? tls) => tls is null ? silo : silo.UseTls(tls.Apply);

    private static IPAddress ParseAddress(string text) =>
        IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidSettingException($"{ClusterSettings.Section}:AdvertisedAddress", $"must be an IP address (got '{text}').");
}
