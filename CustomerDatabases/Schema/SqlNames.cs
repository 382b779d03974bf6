using System.Text.RegularExpressions;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>Writes table and column names the way a query would have to spell them, in the dialect's quoting.</summary>
internal static partial class SqlNames
{
    // Names in the schema a query resolves by default are written bare, as a query would write them.
    private static readonly HashSet<string> DefaultSchemas = new(["public", "dbo"], StringComparer.Ordinal);

    // Words all three dialects refuse as bare names; a table called "order" or "user" is common enough.
    private static readonly HashSet<string> ReservedWords = new(
    [
        "all", "and", "as", "asc", "between", "by", "case", "check", "column", "constraint", "create", "cross",
        "default", "delete", "desc", "distinct", "drop", "else", "end", "except", "exists", "fetch", "for",
        "foreign", "from", "full", "grant", "group", "having", "in", "inner", "insert", "intersect", "into", "is",
        "join", "key", "left", "like", "limit", "not", "null", "offset", "on", "or", "order", "outer", "primary",
        "references", "right", "select", "table", "then", "to", "union", "unique", "update", "user", "using",
        "values", "when", "where", "with",
    ], StringComparer.OrdinalIgnoreCase);

    public static string Table(string? schema, string name, SqlNameStyle style) =>
        schema is null || DefaultSchemas.Contains(schema) ? Quote(name, style) : $"{Quote(schema, style)}.{Quote(name, style)}";

    /// <summary>A name bare when the dialect reads it bare as itself, else quoted in the dialect's quotes (doubled inside).</summary>
    public static string Quote(string name, SqlNameStyle style) =>
        PlainName().IsMatch(name) && !ReservedWords.Contains(name) && !(style.FoldsUnquotedToLowerCase && name.Any(char.IsUpper))
            ? name
            : $"{style.Quote}{name.Replace(style.Quote.ToString(), new string(style.Quote, 2), StringComparison.Ordinal)}{style.Quote}";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
