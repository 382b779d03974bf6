using OrleansAssistant.Grains.Storage;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>Orleans' ADO.NET provider on our own PostgreSQL schema (sql/postgresql).</summary>
public sealed class PostgreSqlStorageFixture : StorageSiloFixture
{
    private string _connectionString = "";

    protected override async Task PrepareAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync("storage");
        await new SchemaMigrator(TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
            .ApplyAsync(PostgreSqlDialect.Instance, _connectionString, "GrainStorage", CancellationToken.None);
    }

    protected override void AddStorage(ISiloBuilder silo) =>
        silo.AddAdoNetGrainStorage(StorageNames.Grains, options =>
        {
            options.Invariant = "Npgsql";
            options.ConnectionString = _connectionString;
        });
}

public sealed class AdoNetGrainStorageTests(PostgreSqlStorageFixture fixture)
    : GrainStorageContractTests(fixture), IClassFixture<PostgreSqlStorageFixture>;
