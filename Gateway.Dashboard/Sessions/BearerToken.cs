using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OrleansAssistant.Gateway.Dashboard.Sessions;

/// <summary>Reads the session token from <c>Authorization: Bearer …</c>.</summary>
internal static class BearerToken
{
    // 32 random bytes in URL-safe base64 without padding.
    private const int TokenLength = 43;

    /// <returns>The token, or null when the header is missing or cannot be a token we issued.</returns>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[scheme.Length..].Trim();
        // Anything else is refused before it reaches the cluster, so junk never activates a session grain.
        return token.Length == TokenLength && token.All(IsUrlSafe) ? token : null;
    }

    private static bool IsUrlSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
