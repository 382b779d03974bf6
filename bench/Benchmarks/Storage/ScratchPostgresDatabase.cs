using Npgsql;

namespace OrleansAssistant.Benchmarks.Storage;

/// <summary>An empty database of its own on the given server, dropped afterwards so a run leaves nothing behind.</summary>
internal sealed class ScratchPostgresDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private ScratchPostgresDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<ScratchPostgresDatabase> CreateAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var database = new ScratchPostgresDatabase(serverConnectionString, $"bench_{Guid.NewGuid():N}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database._name}", cancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections would keep the database in use; FORCE ends any the pool no longer knows of.
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", CancellationToken.None);
    }

    private async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
