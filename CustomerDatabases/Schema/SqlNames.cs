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

    public static string Table(string? schema, string name, char quote = '"') =>
        schema is null || DefaultSchemas.Contains(schema) ? Quote(name, quote) : $"{Quote(schema, quote)}.{Quote(name, quote)}";

    /// <summary>
    /// Double quotes are the standard quoting that PostgreSQL, SQLite and SQL Server all accept; MySQL reads them as a
    /// string, so its dialect passes the backtick.
    /// </summary>
    public static string Quote(string name, char quote = '"') =>
        PlainName().IsMatch(name) && !ReservedWords.Contains(name)
            ? name
            : $"{quote}{name.Replace(quote.ToString(), new string(quote, 2), StringComparison.Ordinal)}{quote}";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
