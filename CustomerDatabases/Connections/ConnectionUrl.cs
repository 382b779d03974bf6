using System.Globalization;

namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>
/// The parts of a URL-style connection string after its scheme:
/// <c>user:password@host:port/database</c> followed by <c>?key=value&amp;…</c> or <c>;key=value;…</c>.
/// User info and query values are percent-decoded.
/// </summary>
internal sealed record ConnectionUrl(
    string? User,
    string? Password,
    string Host,
    int? Port,
    string? Database,
    IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The first of the named parameters that is present (parameter names ignore case).</summary>
    public string? Parameter(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (Parameters.TryGetValue(name, out var value)) return value;
        }
        return null;
    }

    /// <returns>Null when the text is not a well-formed URL of this shape.</returns>
    public static ConnectionUrl? Parse(string afterScheme)
    {
        var rest = afterScheme;
        string? user = null, password = null;

        // The user info ends at the last '@' before any parameters, so unescaped '@', ':' and '/' in a
        // password still work; '?' and ';' in a password must be percent-encoded.
        var parametersStart = rest.IndexOfAny(['?', ';']);
        var at = rest.AsSpan(0, parametersStart < 0 ? rest.Length : parametersStart).LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            rest = rest[(at + 1)..];
        }

        var hostEnd = rest.IndexOfAny(['/', '?', ';']);
        if (hostEnd < 0) hostEnd = rest.Length;
        if (!TrySplitHostPort(rest[..hostEnd], out var host, out var port)) return null;
        rest = rest[hostEnd..];

        string? database = null;
        if (rest.StartsWith('/'))
        {
            var pathEnd = rest.IndexOfAny(['?', ';']);
            if (pathEnd < 0) pathEnd = rest.Length;
            database = Uri.UnescapeDataString(rest[1..pathEnd]);
            rest = rest[pathEnd..];
        }

        var parameters = rest switch
        {
            "" => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            _ when rest[0] == '?' => ConnectionUrlParameters.ParseQuery(rest[1..]),
            _ => ConnectionUrlParameters.ParseProperties(rest[1..]),
        };
        if (parameters is null) return null;

        return new ConnectionUrl(Blank(user), password, host, port, Blank(database), parameters);
    }

    private static bool TrySplitHostPort(string text, out string host, out int? port)
    {
        host = text;
        port = null;
        var portText = (string?)null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) return false;
            host = text[1..close];
            var after = text[(close + 1)..];
            if (after.Length > 0 && after[0] != ':') return false;
            if (after.Length > 0) portText = after[1..];
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0) (host, portText) = (text[..colon], text[(colon + 1)..]);
        }

        if (host.Any(c => char.IsWhiteSpace(c) || c is '@' or '[' or ']' or '"' or '\'' or '=' or ',')) return false;
        if (portText is null) return true;
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535) return false;
        port = number;
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
