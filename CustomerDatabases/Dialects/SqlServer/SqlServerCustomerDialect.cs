using System.Data.Common;
using Microsoft.Data.SqlClient;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.CustomerDatabases.Guard;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.SqlServer;

/// <summary>Microsoft SQL Server through SqlClient, judged by Microsoft's own T-SQL parser.</summary>
public sealed class SqlServerCustomerDialect : CustomerDialect
{
    public static readonly SqlServerCustomerDialect Instance = new();

    private static readonly string[] DistinctiveKeys =
    [
        "server", "data source", "initial catalog", "integrated security", "trusted_connection", "trustservercertificate",
        "trust server certificate", "encrypt", "uid", "pwd", "addr", "address", "network address", "multipleactiveresultsets",
        "multiple active result sets", "authentication", "connect timeout", "connection timeout",
    ];

    // SqlClient error numbers: 18456 login failed; 4060 cannot open the requested database; the rest are
    // network failures and timeouts (-2 timeout, 53/40/-1/2 server not found, 10060/10061 refused, 11001 unknown host).
    private const int LoginFailed = 18456;
    private const int DatabaseUnavailable = 4060;
    private static readonly int[] Unreachable = [-2, -1, 2, 40, 53, 258, 10060, 10061, 11001];

    private SqlServerCustomerDialect()
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string TelemetrySystem => "mssql";

    public override string DisplayName => "SQL Server";

    public override string PromptName => "Microsoft SQL Server (T-SQL: use TOP, not LIMIT)";

    public override CustomerDatabaseDriver Driver => SqlServerDriver.Instance;

    public override ISchemaReader SchemaReader { get; } = new SqlServerSchemaReader();

    public override IReadOnlySet<string> UrlSchemes { get; } = new HashSet<string>(["MSSQL", "SQLSERVER"]);

    public override string WriteAccessQuery => """
        SELECT CASE WHEN IS_ROLEMEMBER('db_owner') = 1 OR IS_ROLEMEMBER('db_datawriter') = 1 OR IS_ROLEMEMBER('db_ddladmin') = 1
            OR HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'INSERT') = 1 THEN 1 ELSE 0 END
        """;

    public override string DistinctValuesQuery(string table, string column, int sampleRows, int maxValues) =>
        $"SELECT DISTINCT TOP ({maxValues}) v FROM (SELECT TOP ({sampleRows}) {column} AS v FROM {table} WHERE {column} IS NOT NULL) sampled";

    internal override GuardVerdict Check(string sql, bool allowWrites) => TSqlRules.Check(sql, allowWrites);

    internal override ConnectionParseResult FromUrl(string afterScheme, ConnectionRules rules) =>
        ConnectionUrl.Parse(afterScheme) is { } url
            ? SqlServerConnections.FromUrl(url)
            : ConnectionParseResult.Failure(ConnectionErrors.SqlServerInvalid);

    internal override bool ClaimsAdoNet(DbConnectionStringBuilder keys) => DistinctiveKeys.Any(keys.ContainsKey);

    internal override ConnectionParseResult FromAdoNet(string text, DbConnectionStringBuilder keys, ConnectionRules rules) =>
        SqlServerConnections.FromAdoNet(text);

    internal override string? ExplainServerAnswer(Exception cause, string description) => cause switch
    {
        SqlException { Number: LoginFailed } => ConnectionFailureExplainer.LoginRefused,
        SqlException { Number: DatabaseUnavailable } => $"{description} does not exist or this login may not open it: check the database name.",
        _ => null,
    };

    internal override bool MeansUnreachable(Exception cause) =>
        base.MeansUnreachable(cause) || cause is SqlException sql && Unreachable.Contains(sql.Number);
}
