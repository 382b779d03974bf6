using System.Net;

namespace OrleansAssistant.Grains.Schedules.Webhooks;

/// <summary>Turns a webhook's host name into addresses at connect time; the system's DNS unless a test maps names itself.</summary>
public sealed class WebhookAddressResolver(Func<string, CancellationToken, Task<IPAddress[]>> resolve)
{
    public static readonly WebhookAddressResolver System = new(Dns.GetHostAddressesAsync);

    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await resolve(host, cancellationToken);
}
