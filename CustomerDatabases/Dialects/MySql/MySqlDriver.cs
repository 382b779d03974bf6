using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MySqlConnector;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.MySql;

/// <summary>
/// MySQL and MariaDB: the session is made read-only before the transaction starts (so a statement that commits
/// implicitly, as DDL does, still finds a read-only session), a server-side statement time limit, the client's own
/// cancel at the deadline, and a transaction that is always rolled back.
/// </summary>
public sealed class MySqlDriver : CustomerDatabaseDriver
{
    public static readonly MySqlDriver Instance = new();

    // MySQL: 3024 ER_QUERY_TIMEOUT (max_execution_time); MariaDB: 1969 ER_STATEMENT_TIMEOUT (max_statement_time);
    // both: 1317 ER_QUERY_INTERRUPTED (the client's KILL QUERY at the deadline), 1205 lock wait timeout.
    private static readonly int[] TimeoutErrors = [3024, 1969, 1317, 1205];

    private const string PreparedName = "oa_guarded_statement";

    public override DatabaseProvider Provider => DatabaseProvider.MySql;

    // Stored strings come from MySqlConnections, which forces LOAD DATA LOCAL and user variables off: parsing them again
    // here would cost every query a connection-string parse.
    protected override DbConnection Create(string connectionString, bool readOnly) => new MySqlConnection(connectionString);

    // MySqlConnector resolves host names itself and has no resolver hook: each server is resolved and checked here and the
    // connection goes to the allowed addresses. A certificate check against the name (VerifyFull) is done by our own
    // callback, which MySqlConnector calls only in Required mode: the chain must be valid and the certificate must name the host.
    protected override async Task<DbConnection> CreateCheckedAsync(string connectionString, bool readOnly, CancellationToken cancellationToken)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        var hosts = builder.Server.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pinned = new List<string>();
        foreach (var host in hosts) pinned.AddRange((await Targets.AllowedAddressesAsync(host, cancellationToken)).Select(address => address.ToString()));
        builder.Server = string.Join(",", pinned);
        var mode = builder.SslMode;
        if (hosts is [var name] && !IPAddress.TryParse(name, out _) && mode is MySqlSslMode.VerifyCA or MySqlSslMode.VerifyFull)
        {
            builder.SslMode = MySqlSslMode.Required;
            return new MySqlConnection(builder.ConnectionString)
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None
                    || errors == SslPolicyErrors.RemoteCertificateNameMismatch
                        && (mode == MySqlSslMode.VerifyCA || certificate is X509Certificate2 named && named.MatchesHostname(name)),
            };
        }
        return new MySqlConnection(builder.ConnectionString);
    }

    protected override async Task<DbTransaction> BeginLimitedTransactionAsync(DbConnection connection, bool readOnly, QueryLimits limits, CancellationToken cancellationToken)
    {
        var mariaDb = ((MySqlConnection)connection).ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase);
        var seconds = limits.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var milliseconds = ((long)limits.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var statementLimit = mariaDb ? $"SET SESSION max_statement_time = {seconds}" : $"SET SESSION max_execution_time = {milliseconds}";
        var lockWait = Math.Max(1, (int)Math.Ceiling(limits.Timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ExecuteAsync(connection, null,
            $"SET SESSION TRANSACTION {(readOnly ? "READ ONLY" : "READ WRITE")}; {statementLimit}; SET SESSION innodb_lock_wait_timeout = {lockWait}",
            cancellationToken);
        // BeginTransactionAsync(isolation, isReadOnly) sends START TRANSACTION READ ONLY.
        return await ((MySqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, readOnly, cancellationToken);
    }

    // MySqlConnector always lets one command carry several statements; a server-side prepared statement cannot. The server
    // parses the whole text (executable comments included) as one statement and refuses a second with a syntax error. The
    // text travels as a string literal the connector escapes; the pool resets the connection before its next use, which drops it.
    protected internal override async Task AsOneStatementAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (var prepare = command.Connection!.CreateCommand())
        {
            prepare.Transaction = command.Transaction;
            prepare.CommandTimeout = command.CommandTimeout;
            prepare.CommandText = $"PREPARE {PreparedName} FROM @statement";
            prepare.Parameters.Add(new MySqlParameter("@statement", command.CommandText));
            await prepare.ExecuteNonQueryAsync(cancellationToken);
        }
        command.CommandText = $"EXECUTE {PreparedName}";
    }

    public override bool IsTimeout(Exception error) =>
        error is MySqlException mySql && (TimeoutErrors.Contains(mySql.Number) || mySql.ErrorCode == MySqlErrorCode.CommandTimeoutExpired);

    protected override void ClearPoolOf(string connectionString) => MySqlConnection.ClearPool(new MySqlConnection(connectionString));
}
