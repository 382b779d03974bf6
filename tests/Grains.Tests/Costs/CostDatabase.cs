using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Batching;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>A real app database of one dialect, migrated to the newest schema, shared by a test class.</summary>
public abstract class CostDatabase : IAsyncLifetime
{
    private readonly List<GroupCommit> _commits = [];
    private AppDatabase? _database;
    private GroupCommit? _databaseCommits;

    public AppDatabase Database => _database ?? throw new InvalidOperationException("The database is not created yet.");

    /// <summary>The group commit writing to <see cref="Database"/>, as a silo has one.</summary>
    public GroupCommit Commits => _databaseCommits ?? throw new InvalidOperationException("The database is not created yet.");

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

    /// <summary>A group commit over <paramref name="database"/> with <paramref name="settings"/> (the defaults when absent), stopped with the fixture.</summary>
    public GroupCommit CommitsFor(AppDatabase database, GroupCommitSettings? settings = null)
    {
        var commits = new GroupCommit(database, settings ?? GroupCommitSettings.Default, NullLogger<GroupCommit>.Instance);
        lock (_commits) _commits.Add(commits);
        return commits;
    }

    /// <summary>A ledger writing to <paramref name="database"/> through a group commit of its own.</summary>
    public ConversationLedger LedgerFor(AppDatabase database) => new(database, TimeProvider.System, CommitsFor(database));

    public async Task InitializeAsync()
    {
        _database = await CreateMigratedAsync();
        _databaseCommits = CommitsFor(_database);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var commits in _commits) await commits.DisposeAsync();
    }
}

public sealed class SqliteCostDatabase : CostDatabase
{
    private readonly TempDirectory _folder = new();

    public override SqlDialect Dialect => SqliteDialect.Instance;

    public override Task<string> CreateEmptyAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_folder.Path, $"app-{Guid.NewGuid():N}.db")}");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
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

public sealed partial class CostLedgerPostgreSqlTests(PostgreSqlCostDatabase database)
    : CostLedgerTests(database), IClassFixture<PostgreSqlCostDatabase>;
