using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using OrleansAssistant.CustomerDatabases.Dialects;

namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>
/// Recognises URL-style connection strings (<c>postgresql://</c>, <c>mssql+pyodbc://</c>,
/// <c>jdbc:sqlserver://</c>, <c>sqlite:///</c> …) and tells which dialect they are for.
/// </summary>
internal static partial class ConnectionScheme
{
    /// <summary>True when <paramref name="input"/> starts with <c>scheme://</c>; <paramref name="dialect"/> is null for schemes we do not serve.</summary>
    public static bool TryMatch(string input, out CustomerDialect? dialect, [NotNullWhen(true)] out string? afterScheme)
    {
        var match = SchemePattern().Match(input);
        dialect = null;
        afterScheme = null;
        if (!match.Success) return false;

        afterScheme = input[match.Length..];
        // SQLAlchemy writes dialect+driver (postgresql+psycopg2, mssql+pyodbc): the dialect decides.
        dialect = CustomerDialects.ForUrlScheme(match.Groups["scheme"].Value.Split('+')[0].ToUpperInvariant());
        return true;
    }

    [GeneratedRegex(@"^(?:jdbc:)?(?<scheme>[a-z][a-z0-9+.\-]*)://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
