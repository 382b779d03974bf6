using System.Net;

namespace OrleansAssistant.Grains.Databases;

/// <summary>Turns customer database host names into addresses at connect time; the system's DNS unless a test maps names itself.</summary>
public sealed class DatabaseHostResolver(Func<string, CancellationToken, Task<IPAddress[]>> resolve)
{
    public static readonly DatabaseHostResolver System = new(Dns.GetHostAddressesAsync);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => resolve(host, cancellationToken);
}
