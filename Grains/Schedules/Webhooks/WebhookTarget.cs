using System.Net;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Grains.Schedules.Webhooks;

/// <summary>
/// Checks the address a schedule posts its results to. Literal addresses and local names are judged here; a host
/// name is judged again by the address it resolves to when the request is made, since its DNS answer may change.
/// </summary>
public static class WebhookTarget
{
    public const int MaxLength = 2_000;

    /// <param name="allowPrivate"><c>Schedules:AllowPrivateWebhookTargets</c>: also plain http and internal addresses (test and on-premises set-ups).</param>
    public static WebhookProblem Check(string? url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
        {
            return WebhookProblem.Malformed;
        }
        if (allowPrivate) return WebhookProblem.None;
        if (uri.Scheme != Uri.UriSchemeHttps) return WebhookProblem.NotHttps;
        return IsLocalName(uri) || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && InternalAddresses.Contains(address))
            ? WebhookProblem.PrivateAddress
            : WebhookProblem.None;
    }

    private static bool IsLocalName(Uri uri) =>
        uri.IsLoopback
        || uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || uri.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || uri.IdnHost.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
        || uri.IdnHost.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
        // A single-label name ("intranet") is resolved on the local network's search domains.
        || (!uri.IdnHost.Contains('.', StringComparison.Ordinal) && !IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out _));
}
