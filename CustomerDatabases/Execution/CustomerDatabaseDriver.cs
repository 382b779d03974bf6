using System.Collections.Concurrent;
using System.Data.Common;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Execution;

/// <summary>
/// How one provider opens a session whose limits the statement cannot undo: read-only where the
/// database supports it, a server-side timeout, and a transaction that is rolled back afterwards.
/// </summary>
public abstract class CustomerDatabaseDriver
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The addresses this driver's connections may reach; only public ones unless <see cref="WithTargets"/> says otherwise.</summary>
    public ConnectionTargetPolicy Targets { get; private set; } = ConnectionTargetPolicy.Strict;

    // A pool is keyed by the string its connections were made with, and a checked connection is made with the pinned
    // addresses: the pinned strings each database's connections used are remembered, so clearing its pool clears those.
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> PinnedStrings = new(StringComparer.Ordinal);

    /// <summary>This driver, connecting only where <paramref name="targets"/> allows.</summary>
    public CustomerDatabaseDriver WithTargets(ConnectionTargetPolicy targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var copy = (CustomerDatabaseDriver)MemberwiseClone();
        copy.Targets = targets;
        return copy;
    }

    /// <summary>Opens a connection (read-only where the provider can enforce it) for our own trusted SQL, e.g. introspection.</summary>
    public async Task<DbConnection> OpenAsync(string connectionString, bool readOnly, CancellationToken cancellationToken)
    {
        var connection = await CreateCheckedAsync(connectionString, readOnly, cancellationToken);
        if (connection.ConnectionString != connectionString)
            PinnedStrings.GetOrAdd(connectionString, _ => new(StringComparer.Ordinal)).TryAdd(connection.ConnectionString, 0);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await AfterOpenAsync(connection, readOnly, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a connection and starts the limited transaction the statement will run in.</summary>
    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginAsync(
        string connectionString, bool readOnly, QueryLimits limits, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(connectionString, readOnly, cancellationToken);
        try
        {
            return (connection, await BeginLimitedTransactionAsync(connection, readOnly, limits, cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether the error means the statement ran out of time.</summary>
    public abstract bool IsTimeout(Exception error);

    /// <summary>
    /// Makes cancellation stop a statement that is already running; drivers whose async calls
    /// observe the token need nothing here.
    /// </summary>
    public virtual CancellationTokenRegistration StopOnCancel(DbConnection connection, CancellationToken cancellationToken) => default;

    /// <summary>
    /// Readies <paramref name="command"/>, which carries a statement that passed the guard, to run. A driver whose server can be
    /// made to parse the text as exactly one statement does that here: the guard already refused a second one, and this makes
    /// the server's own parser say the same.
    /// </summary>
    protected internal virtual Task AsOneStatementAsync(DbCommand command, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Limits how many statements of this provider run at once, for drivers that block a thread
    /// while they run: unbounded, they would starve the thread pool the silo itself needs.
    /// </summary>
    public virtual SemaphoreSlim? BlockingGate => null;

    /// <summary>Forgets pooled connections, e.g. after a failed health probe or when the database is removed.</summary>
    public void ClearPool(string connectionString)
    {
        ClearPoolOf(connectionString);
        if (!PinnedStrings.TryRemove(connectionString, out var pinned)) return;
        foreach (var used in pinned.Keys) ClearPoolOf(used);
    }

    /// <summary>Forgets the driver's pooled connections made with exactly this string.</summary>
    protected abstract void ClearPoolOf(string connectionString);

    public static CustomerDatabaseDriver For(DatabaseProvider provider) => CustomerDialects.Of(provider).Driver;

    protected abstract DbConnection Create(string connectionString, bool readOnly);

    /// <summary>
    /// The connect hook: a networked driver resolves the host now, keeps the addresses <see cref="Targets"/> allows and
    /// connects to those only (throwing <see cref="ConnectionTargetRefusedException"/> when none is left).
    /// </summary>
    protected virtual Task<DbConnection> CreateCheckedAsync(string connectionString, bool readOnly, CancellationToken cancellationToken) =>
        Task.FromResult(Create(connectionString, readOnly));

    protected virtual Task AfterOpenAsync(DbConnection connection, bool readOnly, CancellationToken cancellationToken) => Task.CompletedTask;

    protected abstract Task<DbTransaction> BeginLimitedTransactionAsync(DbConnection connection, bool readOnly, QueryLimits limits, CancellationToken cancellationToken);

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
