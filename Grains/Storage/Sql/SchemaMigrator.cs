using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace OrleansAssistant.Grains.Storage.Sql;

/// <summary>
/// Brings a database up to the newest schema of its dialect at silo start. Each script runs once
/// (recorded in <c>SchemaVersions</c>) and is also written to be harmless when run again, so a crash
/// between a script and its record only repeats work.
/// </summary>
public sealed partial class SchemaMigrator(TimeProvider timeProvider, ILogger<SchemaMigrator> logger)
{
    /// <returns>The scripts that were applied now.</returns>
    public async Task<IReadOnlyList<SchemaScript>> ApplyAsync(SqlDialect dialect, string connectionString, string purpose, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(dialect, connectionString, purpose, cancellationToken);
        if (dialect.DatabaseSettings is { } databaseSettings) await ExecuteAsync(connection, databaseSettings, cancellationToken);
        // Lock first: concurrent CREATE TABLE IF NOT EXISTS can still collide in PostgreSQL's catalog.
        if (dialect.AcquireSchemaLock is { } acquireLock) await ExecuteAsync(connection, acquireLock, cancellationToken);
        try
        {
            return await ApplyPendingAsync(connection, dialect, connectionString, cancellationToken);
        }
        finally
        {
            if (dialect.ReleaseSchemaLock is { } releaseLock) await ExecuteAsync(connection, releaseLock, CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<SchemaScript>> ApplyPendingAsync(DbConnection connection, SqlDialect dialect, string connectionString, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, dialect.CreateSchemaVersionsTable, cancellationToken);
        var applied = await ReadAppliedVersionsAsync(connection, cancellationToken);
        var pending = SchemaScript.For(dialect).Where(script => !applied.Contains(script.Version)).ToArray();
        foreach (var script in pending)
        {
            foreach (var batch in dialect.SplitBatches(script.Text))
            {
                await ExecuteAsync(connection, batch, cancellationToken);
            }
            await RecordAsync(connection, dialect, script, cancellationToken);
            LogApplied(logger, script.Name, dialect.Describe(connectionString));
        }
        if (pending.Length == 0) LogUpToDate(logger, dialect.Describe(connectionString));
        return pending;
    }

    /// <summary>Opens a connection, turning driver errors into one readable line without secrets.</summary>
    public static async Task<DbConnection> OpenAsync(SqlDialect dialect, string connectionString, string purpose, CancellationToken cancellationToken)
    {
        DbConnection? connection = null;
        try
        {
            connection = dialect.CreateConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception error) when (error is DbException or InvalidOperationException or ArgumentException or TimeoutException or IOException)
        {
            if (connection is not null) await connection.DisposeAsync();
            string target;
            try { target = dialect.Describe(connectionString); }
            catch (ArgumentException) { target = $"{dialect.Provider} (the connection string could not be read)"; }
            throw new DatabaseUnavailableException(
                $"{purpose}: cannot connect to {target}: {error.GetBaseException().Message}", error);
        }
    }

    private static async Task<HashSet<int>> ReadAppliedVersionsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Version FROM SchemaVersions";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken)) versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return versions;
    }

    private async Task RecordAsync(DbConnection connection, SqlDialect dialect, SchemaScript script, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO SchemaVersions (Version, Script, AppliedAt) VALUES (@version, @script, @appliedAt)";
        command.AddParameter("@version", script.Version);
        command.AddParameter("@script", script.Name);
        command.AddParameter("@appliedAt", dialect.Timestamp(timeProvider.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 120;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(1, LogLevel.Information, "Applied schema script {Script} to {Database}")]
    private static partial void LogApplied(ILogger logger, string script, string database);

    [LoggerMessage(2, LogLevel.Information, "Schema of {Database} is up to date")]
    private static partial void LogUpToDate(ILogger logger, string database);
}
