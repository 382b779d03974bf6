using MySqlConnector;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>The schema shop in a fresh MariaDB database, read once through the MySQL dialect's reader.</summary>
public sealed class SchemaMySqlShop : IAsyncLifetime
{
    public DatabaseSchema Schema { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using var connection = new MySqlConnection(await MySqlShop.SchemaShopAsync());
        await connection.OpenAsync();
        Schema = await SchemaIntrospector.ReadAsync(DatabaseProvider.MySql, connection, SchemaAssert.ReadAt, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
