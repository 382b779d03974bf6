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

    /// <param name="allowPrivate"><c>Schedules:AllowPrivateWebhookTargets</c>: also internal addresses, and plain http to those only (test and on-premises set-ups).</param>
    public static WebhookProblem Check(string? url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
        {
            return WebhookProblem.Malformed;
        }
        var isInternal = IsInternal(uri);
        // Plain http only inside one's own network, and only where that is allowed: public receivers get business data over https.
        if (uri.Scheme != Uri.UriSchemeHttps) return allowPrivate && isInternal ? WebhookProblem.None : WebhookProblem.NotHttps;
        return isInternal && !allowPrivate ? WebhookProblem.PrivateAddress : WebhookProblem.None;
    }

    private static bool IsInternal(Uri uri) =>
        IsLocalName(uri) || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && InternalAddresses.Contains(address));

    private static bool IsLocalName(Uri uri) =>
        uri.IsLoopback
        || uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || uri.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || uri.IdnHost.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
        || uri.IdnHost.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
        // A single-label name ("intranet") is resolved on the local network's search domains.
        || (!uri.IdnHost.Contains('.', StringComparison.Ordinal) && !IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out _));
}
