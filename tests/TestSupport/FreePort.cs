using System.Net;
using System.Net.Sockets;

namespace OrleansAssistant.TestSupport;

public static class FreePort
{
    /// <summary>A TCP port that was free on loopback a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
