using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansAssistant.CustomerDatabases.Dialects.PostgreSql;

/// <summary>Npgsql's <c>Host</c> list: <c>a,b:5433,[::1]:5432</c>, each with its own port or the connection's.</summary>
internal static class PostgreSqlHosts
{
    public static IReadOnlyList<(string Host, int Port)> Parse(string hosts, int defaultPort) =>
        hosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(entry =>
        {
            var close = entry.LastIndexOf(']');
            var colon = entry.LastIndexOf(':');
            // A colon inside brackets, or one of several in a bare IPv6 address, is no port separator.
            var hasPort = colon > close && (close >= 0 || entry.IndexOf(':') == colon)
                && int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _);
            var host = hasPort ? entry[..colon] : entry;
            var port = hasPort ? int.Parse(entry[(colon + 1)..], CultureInfo.InvariantCulture) : defaultPort;
            return (host.Trim('[', ']'), port);
        }).ToArray();

    public static string Format(IPAddress address, int port) =>
        address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{address}]:{port.ToString(CultureInfo.InvariantCulture)}"
            : $"{address}:{port.ToString(CultureInfo.InvariantCulture)}";
}
