using System.Data.Common;

namespace OrleansAssistant.Grains.Storage.Sql;

/// <summary>The relational database of conversations, costs, history and the activity log.</summary>
public sealed class AppDatabase(SqlDialect dialect, string connectionString)
{
    public const string Purpose = "AppDatabase";

    public SqlDialect Dialect { get; } = dialect;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        SchemaMigrator.OpenAsync(Dialect, connectionString, Purpose, cancellationToken);

    public Task<IReadOnlyList<SchemaScript>> MigrateAsync(SchemaMigrator migrator, CancellationToken cancellationToken) =>
        migrator.ApplyAsync(Dialect, connectionString, Purpose, cancellationToken);
}
