using System.Net;
using System.Net.Sockets;

namespace OrleansAssistant.CustomerDatabases.Dialects.SqlServer;

/// <summary>A SqlClient <c>Data Source</c> reached over TCP: <c>[tcp:]host[\instance][,port]</c>.</summary>
internal sealed record SqlServerDataSource(string Host, string? Instance, string? Port)
{
    /// <returns>Null for named pipes, shared memory and other non-TCP protocols.</returns>
    public static SqlServerDataSource? Parse(string dataSource)
    {
        var text = dataSource.Trim();
        if (text.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase)) text = text[4..];
        else if (text.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(text.Split(',')[0].Split('\\')[0].Trim('[', ']'), out _)) return null;
        var comma = text.LastIndexOf(',');
        var port = comma >= 0 ? text[(comma + 1)..].Trim() : null;
        var hostAndInstance = comma >= 0 ? text[..comma] : text;
        var slash = hostAndInstance.IndexOf('\\', StringComparison.Ordinal);
        var host = (slash >= 0 ? hostAndInstance[..slash] : hostAndInstance).Trim().Trim('[', ']');
        var instance = slash >= 0 ? hostAndInstance[(slash + 1)..] : null;
        return host.Length == 0 ? null : new SqlServerDataSource(host, instance, port);
    }

    public string WithHost(IPAddress address)
    {
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return $"tcp:{host}{(Instance is null ? "" : "\\" + Instance)}{(Port is null ? "" : "," + Port)}";
    }
}
