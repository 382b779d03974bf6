using Microsoft.Extensions.Configuration;

namespace OrleansAssistant.Hosting;

/// <summary>How silos find each other and how clients find silos (section <c>Cluster</c>).</summary>
public sealed record ClusterSettings
{
    public const string Section = "Cluster";

    public ClusteringMode Clustering { get; init; } = ClusteringMode.Localhost;
    /// <summary>ADO.NET invariant for <see cref="ClusteringMode.AdoNet"/>: Npgsql or Microsoft.Data.SqlClient.</summary>
    public string Invariant { get; init; } = AdoNetInvariants.PostgreSql;
    public string? ConnectionString { get; init; }
    public string ClusterId { get; init; } = "orleans-assistant";
    public string ServiceId { get; init; } = "orleans-assistant";
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;
    /// <summary>Address other silos and clients use to reach this silo; loopback when unset.</summary>
    public string? AdvertisedAddress { get; init; }
    /// <summary>How often a gateway process tries to reach a silo (3 s apart) before it gives up.</summary>
    public int ConnectAttempts { get; init; } = 10;

    public static ClusterSettings Read(IConfiguration configuration)
    {
        var mode = SettingReader.Enum(configuration, $"{Section}:Clustering", ClusteringMode.Localhost);
        return new ClusterSettings
        {
            Clustering = mode,
            Invariant = mode == ClusteringMode.AdoNet
                ? AdoNetInvariants.Read(configuration, $"{Section}:Invariant")
                : AdoNetInvariants.PostgreSql,
            ConnectionString = mode == ClusteringMode.AdoNet
                ? SettingReader.RequiredConnectionString(configuration, $"{Section}:ConnectionString", "Cluster:Clustering is AdoNet")
                : null,
            ClusterId = SettingReader.Text(configuration, $"{Section}:ClusterId", "orleans-assistant"),
            ServiceId = SettingReader.Text(configuration, $"{Section}:ServiceId", "orleans-assistant"),
            SiloPort = SettingReader.Port(configuration, $"{Section}:SiloPort", 11111),
            GatewayPort = SettingReader.Port(configuration, $"{Section}:GatewayPort", 30000),
            AdvertisedAddress = SettingReader.OptionalText(configuration, $"{Section}:AdvertisedAddress"),
            ConnectAttempts = SettingReader.Count(configuration, $"{Section}:ConnectAttempts", 10),
        };
    }
}
