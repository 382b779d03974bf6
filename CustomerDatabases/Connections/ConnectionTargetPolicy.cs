using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>
/// Which network addresses a customer connection may reach. Loopback, link-local, unspecified, multicast and this
/// machine's own addresses are refused, and private networks (RFC 1918, fc00::/7, carrier-grade NAT 100.64/10) unless
/// the installation allows them; <c>Databases:AllowedHosts</c> entries (names, addresses, CIDRs) are allowed whatever they are.
/// Checked on the address a host name resolves to at connect time, for every connection, so a name that later
/// resolves elsewhere (DNS rebinding) gains nothing.
/// </summary>
public sealed class ConnectionTargetPolicy
{
    private static readonly IPNetwork[] NeverNetworks =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("224.0.0.0/3"), IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private static readonly IPNetwork[] PrivateNetworks =
    [
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fec0::/10"),
    ];

    private readonly bool _allowPrivateNetworks;
    private readonly HashSet<string> _allowedNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _allowedNetworks = [];
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    /// <param name="allowedHosts">Host names, addresses or CIDRs; see <see cref="IsValidAllowedHost"/>.</param>
    /// <param name="resolve">How host names become addresses; the system's DNS unless a test maps names itself.</param>
    public ConnectionTargetPolicy(bool allowPrivateNetworks, IEnumerable<string> allowedHosts, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        _allowPrivateNetworks = allowPrivateNetworks;
        _resolve = resolve ?? Dns.GetHostAddressesAsync;
        foreach (var entry in allowedHosts.Select(entry => entry.Trim()).Where(entry => entry.Length > 0))
        {
            if (TryParseNetwork(entry, out var network)) _allowedNetworks.Add(network);
            else if (IsValidAllowedHost(entry)) _allowedNames.Add(entry.TrimEnd('.'));
            else throw new ArgumentException($"'{entry}' is no host name, address or CIDR.", nameof(allowedHosts));
        }
    }

    /// <summary>Nothing but public addresses.</summary>
    public static ConnectionTargetPolicy Strict { get; } = new(false, []);

    /// <summary>Whether <paramref name="entry"/> can be an entry of <c>Databases:AllowedHosts</c>.</summary>
    public static bool IsValidAllowedHost(string entry) =>
        TryParseNetwork(entry.Trim(), out _) || Uri.CheckHostName(entry.Trim().TrimEnd('.')) == UriHostNameType.Dns;

    /// <summary>
    /// The addresses of <paramref name="host"/> a connection may use, in the resolver's order.
    /// </summary>
    /// <exception cref="ConnectionTargetRefusedException">The name does not resolve, or to nothing allowed.</exception>
    public async Task<IReadOnlyList<IPAddress>> AllowedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var name = host.Trim().Trim('[', ']').TrimEnd('.');
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(name, out var literal) ? [literal] : await _resolve(name, cancellationToken);
        }
        catch (SocketException error)
        {
            throw new ConnectionTargetRefusedException($"{host} does not resolve ({error.SocketErrorCode})");
        }
        var allowed = addresses.Where(address => Allows(name, address)).ToArray();
        if (allowed.Length == 0)
        {
            throw new ConnectionTargetRefusedException($"{host} resolves to no allowed address ({string.Join(", ", addresses.Select(a => a.ToString()))})");
        }
        return allowed;
    }

    private bool Allows(string host, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (_allowedNames.Contains(host) || _allowedNetworks.Any(network => network.Contains(address))) return true;
        if (NeverNetworks.Any(network => network.Contains(address)) || address.Equals(IPAddress.Broadcast) || ThisMachine.Contains(address))
        {
            return false;
        }
        return _allowPrivateNetworks || !PrivateNetworks.Any(network => network.Contains(address));
    }

    private static bool TryParseNetwork(string entry, out IPNetwork network)
    {
        if (IPAddress.TryParse(entry.Trim('[', ']'), out var single))
        {
            if (single.IsIPv4MappedToIPv6) single = single.MapToIPv4();
            network = new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return IPNetwork.TryParse(entry, out network);
    }

    // This machine's own addresses, read when first needed: a public address of the silo is still the silo.
    private static readonly Lazy<HashSet<IPAddress>> OwnAddresses = new(() =>
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(adapter => adapter.GetIPProperties().UnicastAddresses)
                .Select(unicast => unicast.Address.IsIPv4MappedToIPv6 ? unicast.Address.MapToIPv4() : unicast.Address)
                .ToHashSet();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    });

    private static HashSet<IPAddress> ThisMachine => OwnAddresses.Value;
}
