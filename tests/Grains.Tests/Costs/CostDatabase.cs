using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>A real app database of one dialect, migrated to the newest schema, shared by a test class.</summary>
public abstract class CostDatabase : IAsyncLifetime
{
    private AppDatabase? _database;

    public AppDatabase Database => _database ?? throw new InvalidOperationException("The database is not created yet.");

    public abstract SqlDialect Dialect { get; }

    /// <summary>A new empty database of this dialect; returns its connection string.</summary>
    public abstract Task<string> CreateEmptyAsync();

    public async Task<AppDatabase> CreateMigratedAsync()
    {
        var connectionString = await CreateEmptyAsync();
        await new SchemaMigrator(TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
            .ApplyAsync(Dialect, connectionString, "test", CancellationToken.None);
        return new AppDatabase(Dialect, connectionString);
    }

    public async Task InitializeAsync() => _database = await CreateMigratedAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

public sealed class SqliteCostDatabase : CostDatabase
{
    private readonly TempDirectory _folder = new();

    public override SqlDialect Dialect => SqliteDialect.Instance;

    public override Task<string> CreateEmptyAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_folder.Path, $"app-{Guid.NewGuid():N}.db")}");

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Needs the server ./test.sh starts; without it these tests fail rather than skip.</summary>
public sealed class PostgreSqlCostDatabase : CostDatabase
{
    public override SqlDialect Dialect => PostgreSqlDialect.Instance;

    public override Task<string> CreateEmptyAsync() => TestPostgres.CreateDatabaseAsync("costs");
}

public sealed class CostLedgerSqliteTests(SqliteCostDatabase database)
    : CostLedgerTests(database), IClassFixture<SqliteCostDatabase>;

public sealed class CostLedgerPostgreSqlTests(PostgreSqlCostDatabase database)
    : CostLedgerTests(database), IClassFixture<PostgreSqlCostDatabase>;
