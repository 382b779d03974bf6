using System.Data.Common;
using System.Globalization;
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

    public override void ClearPool(string connectionString) => NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
}
