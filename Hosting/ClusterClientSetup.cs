using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace OrleansAssistant.Hosting;

/// <summary>Turns a gateway process into an Orleans client of the cluster described by <see cref="ClusterSettings"/>.</summary>
public static class ClusterClientSetup
{
    public static IHostApplicationBuilder AddClusterClient(this IHostApplicationBuilder builder)
    {
        var cluster = ClusterSettings.Read(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            if (cluster.Clustering == ClusteringMode.AdoNet)
            {
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = cluster.Invariant;
                    options.ConnectionString = cluster.ConnectionString;
                });
            }
            else
            {
                client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, cluster.GatewayPort));
            }
            if (ClusterTls.Read(builder.Configuration) is { } tls) client.UseTls(tls.Apply);
            // Carries the gateway's trace (an HTTP request, a Telegram update) into the grains.
            client.AddActivityPropagation();
            client.Services.AddSingleton(cluster);
            client.Services.AddSingleton<IClientConnectionRetryFilter, ClusterConnectRetryFilter>();
        });
        return builder;
    }
}
