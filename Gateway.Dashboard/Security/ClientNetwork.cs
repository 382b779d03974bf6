using System.Net;
using System.Net.Sockets;

namespace OrleansAssistant.Gateway.Dashboard.Security;

/// <summary>
/// The network a request comes from, as the login limits count it: an IPv4 address as is, an IPv6
/// address by its /64, because one home or server usually holds a whole /64 and could otherwise take
/// a fresh address for every guess.
/// </summary>
public static class ClientNetwork
{
    private const int Ipv6PrefixBytes = 8;

    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, Ipv6PrefixBytes, bytes.Length - Ipv6PrefixBytes);
        return new IPAddress(bytes) + "/64";
    }
}
