using System.Net.Sockets;

namespace OrleansAssistant.Benchmarks;

/// <summary>
/// Free ports are picked before the silo binds them, and the same range serves outgoing connections,
/// so now and then one is taken in between. Such a start is repeated on new ports rather than failing
/// the whole run; the failed attempt's timing is discarded with it.
/// </summary>
internal static class PortRetry
{
    private const int Attempts = 3;

    public static async Task<T> RunAsync<T>(Func<Task<T>> attempt)
    {
        for (var tried = 1; ; tried++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception error) when (tried < Attempts && IsAddressInUse(error))
            {
                Console.WriteLine("  a port was taken before the silo could bind it; starting again on new ports");
            }
        }
    }

    private static bool IsAddressInUse(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) return true;
            // A silo process reports it only in its output, which the error message carries.
            if (current.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
