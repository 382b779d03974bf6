using System.Data.Common;
using MySqlConnector;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.CustomerDatabases.Guard;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.MySql;

/// <summary>MySQL and MariaDB through MySqlConnector: a read-only session and transaction with a statement time limit, judged by a token guard that reads text as MySQL's lexer does.</summary>
public sealed class MySqlCustomerDialect : CustomerDialect
{
    public static readonly MySqlCustomerDialect Instance = new();

    private MySqlCustomerDialect()
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.MySql;

    public override string TelemetrySystem => "mysql";

    public override string DisplayName => "MySQL / MariaDB";

    public override string PromptName => "MySQL / MariaDB (quote names with backticks; limit rows with LIMIT n, not TOP)";

    // Without ANSI_QUOTES, MySQL reads "name" as a string.
    public override SqlNameStyle NameStyle { get; } = new('`', FoldsUnquotedToLowerCase: false);

    public override CustomerDatabaseDriver Driver => MySqlDriver.Instance;

    public override ISchemaReader SchemaReader { get; } = new MySqlSchemaReader();

    public override IReadOnlySet<string> UrlSchemes { get; } = new HashSet<string>(["MYSQL", "MARIADB"]);

    public override string WriteAccessQuery => MySqlConnections.WriteAccessQuery;

    internal override GuardVerdict Check(string sql, bool allowWrites) => MySqlGuardRules.Check(sql, allowWrites);

    internal override ConnectionParseResult FromUrl(string afterScheme, ConnectionRules rules) =>
        ConnectionUrl.Parse(afterScheme) is { } url
            ? MySqlConnections.FromUrl(url)
            : ConnectionParseResult.Failure(ConnectionErrors.MySqlInvalid);

    internal override bool ClaimsAdoNet(DbConnectionStringBuilder keys) => MySqlConnections.ClaimsAdoNet(keys);

    internal override ConnectionParseResult FromAdoNet(string text, DbConnectionStringBuilder keys, ConnectionRules rules) =>
        MySqlConnections.FromAdoNet(text);

    internal override string? ExplainServerAnswer(Exception cause, string description) => cause switch
    {
        // 1045 access denied for user; 1044 access denied to the database; 1049 unknown database.
        MySqlException { Number: 1045 } => ConnectionFailureExplainer.LoginRefused,
        MySqlException { Number: 1049 } => $"{description} does not exist: check the database name.",
        MySqlException { Number: 1044 } => $"{description} does not exist or this login may not open it: check the database name.",
        _ => null,
    };

    internal override bool MeansUnreachable(Exception cause) =>
        base.MeansUnreachable(cause) || cause is MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost };
}
