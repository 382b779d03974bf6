using Microsoft.Data.Sqlite;
using OrleansAssistant.Grains.Storage;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Storage;

public sealed class SqliteStorageFixture : StorageSiloFixture
{
    private readonly TempDirectory _folder = new();

    public string DatabasePath => Path.Combine(_folder.Path, "nested", "grains.db");

    protected override Task PrepareAsync() => Task.CompletedTask;

    protected override void AddStorage(ISiloBuilder silo) =>
        silo.AddSqliteGrainStorage(StorageNames.Grains, options => options.DatabasePath = DatabasePath);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

public sealed class SqliteGrainStorageTests(SqliteStorageFixture fixture)
    : GrainStorageContractTests(fixture), IClassFixture<SqliteStorageFixture>
{
    [Fact]
    public async Task Initialize_CreatesFolderAndUsesWriteAheadLog()
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
