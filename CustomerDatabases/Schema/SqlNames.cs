using System.Text.RegularExpressions;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>Writes table and column names the way a query would have to spell them, in any of the three dialects.</summary>
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

    public static string Table(string? schema, string name) =>
        schema is null || DefaultSchemas.Contains(schema) ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";

    /// <summary>Double quotes are the standard quoting that PostgreSQL, SQLite and SQL Server all accept.</summary>
    public static string Quote(string name) =>
        PlainName().IsMatch(name) && !ReservedWords.Contains(name) ? name : $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
