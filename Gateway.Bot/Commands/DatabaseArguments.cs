namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>"/adddb &lt;name&gt; &lt;connection string&gt;": the name is one word or "in quotes"; the rest is the connection string.</summary>
internal static class DatabaseArguments
{
    /// <returns>Null when the name or the connection string is missing.</returns>
    public static (string Name, string ConnectionString)? Parse(string arguments)
    {
        var text = arguments.Trim();
        string name;
        string rest;
        if (text.Length > 0 && text[0] is '"' or '“')
        {
            var close = text.IndexOfAny(['"', '”'], 1);
            if (close < 0) return null;
            name = text[1..close].Trim();
            rest = text[(close + 1)..];
        }
        else
        {
            var space = text.IndexOfAny([' ', '\n', '\t']);
            if (space < 0) return null;
            name = text[..space];
            rest = text[space..];
        }
        var connectionString = rest.Trim();
        return name.Length == 0 || connectionString.Length == 0 ? null : (name, connectionString);
    }
}
