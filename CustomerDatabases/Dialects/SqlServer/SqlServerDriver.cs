using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.Data.SqlClient;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.SqlServer;

/// <summary>
/// SQL Server has no read-only transaction: the guard (a parsed, single SELECT) and a transaction
/// that is always rolled back carry the weight, with a lock timeout and the command timeout.
/// A read-only login is the strongest guard here (see README). No SQL Server runs in our tests.
/// </summary>
public sealed class SqlServerDriver : CustomerDatabaseDriver
{
    public static readonly SqlServerDriver Instance = new();

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    protected override DbConnection Create(string connectionString, bool readOnly) => new SqlConnection(connectionString);

    // SqlClient has no connect hook: the server is resolved and checked here and the connection goes to the first allowed
    // address over TCP, with HostNameInCertificate keeping the certificate check on the name that was written.
    protected override async Task<DbConnection> CreateCheckedAsync(string connectionString, bool readOnly, CancellationToken cancellationToken)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        // A failover partner would be a second, unchecked target; named pipes and shared memory reach this machine.
        if (!string.IsNullOrEmpty(builder.FailoverPartner)) throw new ConnectionTargetRefusedException("a failover partner is not allowed");
        var server = SqlServerDataSource.Parse(builder.DataSource)
            ?? throw new ConnectionTargetRefusedException("only TCP data sources are allowed");
        var address = (await Targets.AllowedAddressesAsync(server.Host, cancellationToken))[0];
        builder.DataSource = server.WithHost(address);
        if (!IPAddress.TryParse(server.Host, out _) && string.IsNullOrEmpty(builder.HostNameInCertificate)) builder.HostNameInCertificate = server.Host;
        return new SqlConnection(builder.ConnectionString);
    }

    protected override async Task<DbTransaction> BeginLimitedTransactionAsync(DbConnection connection, bool readOnly, QueryLimits limits, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var timeoutMs = ((int)limits.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await ExecuteAsync(connection, transaction, $"SET LOCK_TIMEOUT {timeoutMs};", cancellationToken);
        return transaction;
    }

    public override bool IsTimeout(Exception error) => error is SqlException { Number: -2 or 1222 };

    protected override void ClearPoolOf(string connectionString) => SqlConnection.ClearPool(new SqlConnection(connectionString));
}
