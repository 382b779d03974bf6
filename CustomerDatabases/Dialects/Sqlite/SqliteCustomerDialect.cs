using System.Data.Common;
using Microsoft.Data.Sqlite;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.CustomerDatabases.Guard;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.Sqlite;

/// <summary>SQLite files in the allowed folder, opened read-only, judged by a token guard that reads text as SQLite's lexer does.</summary>
public sealed class SqliteCustomerDialect : CustomerDialect
{
    public static readonly SqliteCustomerDialect Instance = new();

    private static readonly string[] FileExtensions = [".db", ".sqlite", ".sqlite3", ".db3"];

    // SQLite result codes: SQLITE_CANTOPEN and SQLITE_NOTADB.
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    private static readonly TokenGuardRules GuardRules = new(
        new SqlLexicon
        {
            BacktickNames = true,
            BracketNames = true,
            PrefixedVariables = true,
            NumberedParameters = true,
            ByteOrderMarkIsSpace = true,
        },
        new FunctionDenyList(["load_extension", "readfile", "writefile", "edit", "fts3_tokenizer", "fsdir", "zipfile"], ["pragma_"]),
        DialectRule: PragmaTableRule);

    // pragma_database_list and the other pragma_* tables reveal file paths and settings and can be read without
    // parentheses (SELECT * FROM pragma_database_list), so any name with the prefix is refused, quoted or not.
    private static string? PragmaTableRule(SqlToken[] tokens, int main, bool allowWrites) =>
        tokens.FirstOrDefault(token => token.IsName && token.Text.StartsWith("pragma_", StringComparison.OrdinalIgnoreCase)) is { Text: { } name }
            ? GuardRefusals.Function(name)
            : null;

    private SqliteCustomerDialect()
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string TelemetrySystem => "sqlite";

    public override string DisplayName => "SQLite";

    public override string PromptName => "SQLite";

    public override CustomerDatabaseDriver Driver => SqliteDriver.Instance;

    public override ISchemaReader SchemaReader { get; } = new SqliteSchemaReader();

    public override IReadOnlySet<string> UrlSchemes { get; } = new HashSet<string>(["SQLITE"]);

    // SQLite has no logins; the file is always opened read-only for queries.
    public override bool IsNetworked => false;

    internal override GuardVerdict Check(string sql, bool allowWrites) => TokenGuard.Check(GuardRules, sql, allowWrites);

    internal override ConnectionParseResult FromUrl(string afterScheme, ConnectionRules rules) =>
        SqliteConnections.FromUrl(afterScheme, rules.SqliteFolder);

    internal override bool ClaimsAdoNet(DbConnectionStringBuilder keys) =>
        keys.ContainsKey("filename") || keys.ContainsKey("datasource")
        || keys.TryGetValue("data source", out var dataSource) && (LooksLikeFile(dataSource as string ?? "") || keys.Count == 1);

    internal override ConnectionParseResult FromAdoNet(string text, DbConnectionStringBuilder keys, ConnectionRules rules) =>
        SqliteConnections.FromAdoNet(keys, rules.SqliteFolder);

    internal override string? ExplainServerAnswer(Exception cause, string description) => cause switch
    {
        SqliteException { SqliteErrorCode: NotADatabase } => $"{description} is not a SQLite database: check that the file is one.",
        SqliteException { SqliteErrorCode: CannotOpen } => $"{description} could not be opened: check that the file exists and the server may read it.",
        _ => null,
    };

    // SQL Server data sources are host names, "host,port" or "host\instance", never with '/' or a file extension.
    private static bool LooksLikeFile(string dataSource)
    {
        var value = dataSource.Trim();
        return value.Contains('/', StringComparison.Ordinal)
            || value == ":memory:"
            || value.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || FileExtensions.Any(extension => value.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }
}
