using System.Net;
using System.Net.Sockets;

namespace OrleansAssistant.TestSupport;

public static class FreePort
{
    // Below Linux's ephemeral range (32768-60999): outgoing connections (database pools, Orleans
    // clients) take ports from that range and could grab a port between our check and our bind.
    private const int First = 20000;
    private const int Last = 32000;
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A TCP port that was free on loopback a moment ago and was not handed out before in this process.</summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var port = Random.Shared.Next(First, Last);
                if (!HandedOut.Add(port) || !IsFree(port)) continue;
                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
