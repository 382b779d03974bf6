using System.Net;
using Microsoft.Extensions.Configuration;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

/// <summary>
/// The Orleans dashboard (section <c>OrleansDashboard</c>): off unless a port is set, and then served
/// only on that port, apart from the public dashboard. It has no login of its own.
/// </summary>
public sealed record OrleansDashboardSettings
{
    public const string Section = "OrleansDashboard";

    /// <summary>Where it is mapped on its own port.</summary>
    public const string RoutePrefix = "/orleans";

    public static readonly OrleansDashboardSettings Off = new();

    /// <summary>The port it listens on; null keeps it off.</summary>
    public int? Port { get; init; }

    /// <summary>The address it listens on: <c>localhost</c> by default; anything else exposes it and needs auth in front.</summary>
    public string ListenAddress { get; init; } = "localhost";

    public bool Enabled => Port is not null;

    /// <summary>The extra listen URL, e.g. <c>http://localhost:9090</c>.</summary>
    public string ListenUrl => ListenAddress.Contains(':', StringComparison.Ordinal)
        ? $"http://[{ListenAddress}]:{Port}"
        : $"http://{ListenAddress}:{Port}";

    public static OrleansDashboardSettings Read(IConfiguration configuration)
    {
        var portKey = $"{Section}:Port";
        if (SettingReader.OptionalText(configuration, portKey) is null) return Off;
        var addressKey = $"{Section}:ListenAddress";
        var address = SettingReader.Text(configuration, addressKey, "localhost");
        if (address != "localhost" && !IPAddress.TryParse(address, out _))
        {
            throw new InvalidSettingException(addressKey, $"must be localhost or an IP address of this machine (got '{address}').");
        }
        return new OrleansDashboardSettings { Port = SettingReader.Port(configuration, portKey, 0), ListenAddress = address };
    }
}
