using System.Data.Common;
using Microsoft.Data.Sqlite;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.Sqlite;

/// <summary>
/// SQLite: the file is opened with <c>Mode=ReadOnly</c>, which no PRAGMA can undo (unlike
/// <c>query_only</c>), plus <c>query_only</c> for good measure; the timeout interrupts the statement.
/// </summary>
public sealed class SqliteDriver : CustomerDatabaseDriver
{
    public static readonly SqliteDriver Instance = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // Microsoft.Data.Sqlite's async methods run synchronously; one running statement per core.
    public override SemaphoreSlim? BlockingGate { get; } = new(Environment.ProcessorCount, Environment.ProcessorCount);

    protected override DbConnection Create(string connectionString, bool readOnly) =>
        new SqliteConnection(new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
        }.ToString());

    protected override async Task AfterOpenAsync(DbConnection connection, bool readOnly, CancellationToken cancellationToken)
    {
        if (readOnly) await ExecuteAsync(connection, null, "PRAGMA query_only = 1;", cancellationToken);
    }

    // A deferred BEGIN takes no write lock, which a read-only connection could not take anyway.
    protected override Task<DbTransaction> BeginLimitedTransactionAsync(DbConnection connection, bool readOnly, QueryLimits limits, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: readOnly));

    // Microsoft.Data.Sqlite runs statements synchronously and ignores the token once a step has
    // started, so the deadline interrupts the native connection instead.
    public override CancellationTokenRegistration StopOnCancel(DbConnection connection, CancellationToken cancellationToken) =>
        cancellationToken.Register(static state =>
        {
            if (((SqliteConnection)state!).Handle is { } handle) SQLitePCL.raw.sqlite3_interrupt(handle);
        }, connection);

    public override bool IsTimeout(Exception error) => error is SqliteException { SqliteErrorCode: 9 /* SQLITE_INTERRUPT */ };

    protected override void ClearPoolOf(string connectionString) => SqliteConnection.ClearPool(new SqliteConnection(connectionString));
}
