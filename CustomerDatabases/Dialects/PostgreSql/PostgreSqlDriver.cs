using System.Data.Common;
using System.Globalization;
using System.Net;
using Npgsql;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.PostgreSql;

/// <summary>PostgreSQL: <c>READ ONLY</c> transaction with <c>statement_timeout</c>, both set by us before the statement.</summary>
public sealed class PostgreSqlDriver : CustomerDatabaseDriver
{
    public static readonly PostgreSqlDriver Instance = new();

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override DbConnection Create(string connectionString, bool readOnly) => new NpgsqlConnection(connectionString);

    // Npgsql resolves host names itself and has no resolver hook: each host is resolved and checked here and the connection
    // goes to the allowed addresses. With one host name, TLS still checks the certificate against that name (TargetHost).
    protected override async Task<DbConnection> CreateCheckedAsync(string connectionString, bool readOnly, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var hosts = PostgreSqlHosts.Parse(builder.Host ?? "", builder.Port);
        var pinned = new List<string>();
        foreach (var (host, port) in hosts)
        {
            foreach (var address in await Targets.AllowedAddressesAsync(host, cancellationToken)) pinned.Add(PostgreSqlHosts.Format(address, port));
        }
        builder.Host = string.Join(",", pinned);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        if (hosts is [var (single, _)] && !IPAddress.TryParse(single, out _))
        {
            connection.SslClientAuthenticationOptionsCallback = options => options.TargetHost = single;
        }
        return connection;
    }

    protected override async Task<DbTransaction> BeginLimitedTransactionAsync(DbConnection connection, bool readOnly, QueryLimits limits, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var timeoutMs = ((int)limits.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        // SET LOCAL ends with the transaction, so nothing leaks into the pooled connection. The
        // SELECT 1 locks the mode: after a transaction's first query, PostgreSQL refuses
        // SET TRANSACTION READ WRITE, so the statement cannot switch the session back.
        await ExecuteAsync(connection, transaction,
            $"{(readOnly ? "SET TRANSACTION READ ONLY; " : "")}SET LOCAL statement_timeout = {timeoutMs}; SET LOCAL lock_timeout = {timeoutMs}; SELECT 1;",
            cancellationToken);
        return transaction;
    }

    public override bool IsTimeout(Exception error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable }
        || error is NpgsqlException { InnerException: TimeoutException };

    protected override void ClearPoolOf(string connectionString) => NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
}
