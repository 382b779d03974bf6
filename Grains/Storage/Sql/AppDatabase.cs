using System.Data.Common;

namespace OrleansAssistant.Grains.Storage.Sql;

/// <summary>The relational database of conversations, costs, history and the activity log.</summary>
public sealed class AppDatabase(SqlDialect dialect, string connectionString)
{
    public const string Purpose = "AppDatabase";

    public SqlDialect Dialect { get; } = dialect;

    /// <summary>Where the database is, without secrets.</summary>
    public string Description => Dialect.Describe(connectionString);

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        SchemaMigrator.OpenAsync(Dialect, connectionString, Purpose, cancellationToken);

    public Task<IReadOnlyList<SchemaScript>> MigrateAsync(SchemaMigrator migrator, CancellationToken cancellationToken) =>
        migrator.ApplyAsync(Dialect, connectionString, Purpose, cancellationToken);

    /// <summary>Round trip to the server; throws <see cref="DatabaseUnavailableException"/> when it is down.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
