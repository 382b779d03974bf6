using System.Net;
using System.Net.Sockets;

namespace OrleansAssistant.Grains.Schedules.Webhooks;

/// <summary>
/// Addresses a webhook must not reach: the silo itself and the networks around it (loopback, private, link-local,
/// carrier-grade NAT, unspecified, multicast, IPv6 unique-local and site-local). IPv4 addresses written as IPv6 are
/// judged as the IPv4 address they carry.
/// </summary>
public static class InternalAddresses
{
    public static bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.AddressFamily == AddressFamily.InterNetwork ? IsInternalV4(address.GetAddressBytes()) : IsInternalV6(address);
    }

    private static bool IsInternalV4(byte[] b) =>
        b[0] is 0 or 10 or 127 or >= 224                   // "this network", private, loopback, multicast and reserved
        || (b[0] == 169 && b[1] == 254)                    // link-local (cloud metadata lives here)
        || (b[0] == 172 && b[1] is >= 16 and <= 31)        // private
        || (b[0] == 192 && b[1] == 168)                    // private
        || (b[0] == 100 && b[1] is >= 64 and <= 127)       // carrier-grade NAT
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)         // IETF protocol assignments
        || (b[0] == 198 && b[1] is 18 or 19);              // benchmarking

    private static bool IsInternalV6(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return true;
        }
        var b = address.GetAddressBytes();
        // NAT64 (64:ff9b::/96) carries an IPv4 address in its last four bytes.
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].All(part => part == 0);
        return nat64 && IsInternalV4(b[12..]);
    }
}
