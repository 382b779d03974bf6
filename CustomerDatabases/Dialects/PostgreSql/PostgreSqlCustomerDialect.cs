using System.Data.Common;
using Npgsql;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.CustomerDatabases.Guard;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.PostgreSql;

/// <summary>PostgreSQL through Npgsql: a READ ONLY transaction with statement_timeout, and a token guard that reads text as PostgreSQL's lexer does.</summary>
public sealed class PostgreSqlCustomerDialect : CustomerDialect
{
    public static readonly PostgreSqlCustomerDialect Instance = new();

    // Npgsql also accepts Server and User Id, but SqlClient has no Port, Host or Username.
    private static readonly string[] DistinctiveKeys = ["host", "username", "port", "sslmode", "ssl mode", "search path"];

    private static readonly TokenGuardRules GuardRules = new(
        new SqlLexicon
        {
            DollarQuotedStrings = true,
            EscapeStringPrefixes = true,
            RefuseBackslashBeforeQuote = true,
            CarriageReturnEndsLineComment = true,
            NestedBlockComments = true,
            OctalAndBinaryLiterals = true,
            VerticalTabIsSpace = true,
        },
        PostgreSqlForbiddenFunctions.List,
        TableStatement: true,
        AttributeCalls: true);

    private PostgreSqlCustomerDialect()
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string TelemetrySystem => "postgresql";

    public override string DisplayName => "PostgreSQL";

    public override string PromptName => "PostgreSQL";

    // Unquoted names fold to lower case: a table created as "Orders" (as EF Core does) must be written quoted.
    public override SqlNameStyle NameStyle { get; } = new('"', FoldsUnquotedToLowerCase: true);

    public override CustomerDatabaseDriver Driver => PostgreSqlDriver.Instance;

    public override ISchemaReader SchemaReader { get; } = new PostgreSqlSchemaReader();

    public override IReadOnlySet<string> UrlSchemes { get; } = new HashSet<string>(["POSTGRES", "POSTGRESQL"]);

    public override string WriteAccessQuery => """
        SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
            OR EXISTS (SELECT 1 FROM information_schema.table_privileges
                       WHERE grantee = current_user AND privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'))
            OR has_database_privilege(current_database(), 'CREATE')
        """;

    internal override GuardVerdict Check(string sql, bool allowWrites) => TokenGuard.Check(GuardRules, sql, allowWrites);

    internal override ConnectionParseResult FromUrl(string afterScheme, ConnectionRules rules) =>
        ConnectionUrl.Parse(afterScheme) is { } url
            ? PostgreSqlConnections.FromUrl(url)
            : ConnectionParseResult.Failure(ConnectionErrors.PostgreSqlInvalid);

    internal override bool ClaimsAdoNet(DbConnectionStringBuilder keys) => DistinctiveKeys.Any(keys.ContainsKey);

    internal override ConnectionParseResult FromAdoNet(string text, DbConnectionStringBuilder keys, ConnectionRules rules) =>
        PostgreSqlConnections.FromAdoNet(text);

    internal override string? ExplainServerAnswer(Exception cause, string description) => cause switch
    {
        PostgresException { SqlState: "28P01" or "28000" } => ConnectionFailureExplainer.LoginRefused,
        PostgresException { SqlState: "3D000" } => $"{description} does not exist: check the database name.",
        _ => null,
    };
}
