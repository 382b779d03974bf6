namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>The two ways URL-style connection strings append options; keys ignore case. Null when malformed.</summary>
internal static class ConnectionUrlParameters
{
    /// <summary><c>key=value&amp;…</c>, percent-encoded.</summary>
    public static Dictionary<string, string>? ParseQuery(string query)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) return null;
            parameters[Uri.UnescapeDataString(pair[..equals])] = Uri.UnescapeDataString(pair[(equals + 1)..]);
        }
        return parameters;
    }

    // JDBC style: key=value pairs separated by ';', a value in {braces} may contain ';'. Not percent-encoded.
    public static Dictionary<string, string>? ParseProperties(string text)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (position < text.Length)
        {
            if (text[position] == ';') { position++; continue; }
            var equals = text.IndexOf('=', position);
            if (equals <= position) return null;
            var key = text[position..equals].Trim();
            position = equals + 1;
            string value;
            if (position < text.Length && text[position] == '{')
            {
                var close = text.IndexOf('}', position);
                if (close < 0) return null;
                value = text[(position + 1)..close];
                position = close + 1;
            }
            else
            {
                var end = text.IndexOf(';', position);
                if (end < 0) end = text.Length;
                value = text[position..end];
                position = end;
            }
            if (key.Length == 0 || key.Contains(';', StringComparison.Ordinal)) return null;
            parameters[key] = value;
        }
        return parameters;
    }
}
