using Npgsql;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>The shop in a fresh PostgreSQL database, read once before and once after ANALYZE.</summary>
public sealed class SchemaPostgresShop : IAsyncLifetime
{
    public DatabaseSchema BeforeAnalyze { get; private set; } = null!;
    public DatabaseSchema AfterAnalyze { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(await TestPostgres.CreateDatabaseAsync("schema"));
        await connection.OpenAsync();
        await SchemaShopScripts.ExecuteAsync(connection, SchemaShopScripts.PostgreSql);

        BeforeAnalyze = await SchemaIntrospector.ReadAsync(DatabaseProvider.PostgreSql, connection, SchemaAssert.ReadAt, CancellationToken.None);
        await SchemaShopScripts.ExecuteAsync(connection, "ANALYZE;");
        AfterAnalyze = await SchemaIntrospector.ReadAsync(DatabaseProvider.PostgreSql, connection, SchemaAssert.ReadAt, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
