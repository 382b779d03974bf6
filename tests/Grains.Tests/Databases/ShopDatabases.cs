using Microsoft.Data.Sqlite;
using Npgsql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>Small real customer databases (a shop) on PostgreSQL and SQLite, and ways to count their rows.</summary>
public static class ShopDatabases
{
    /// <summary>A password written into connection strings that must never be saved or shown.</summary>
    public const string Password = "Sup3r-S3cret-Pw!";

    /// <summary>The test server's real password, which every working connection string here carries.</summary>
    public static string ServerPassword => new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString).Password!;

    private const string ShopSchema = """
        CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, city text);
        CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers(id),
                             ordered_at timestamp NOT NULL, total numeric(12,2) NOT NULL);
        INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Grace', 'New York'), (3, 'Linus', 'Helsinki');
        INSERT INTO orders VALUES (1, 1, '2026-01-05 10:00:00', 120.50), (2, 1, '2026-02-01 09:30:00', 80.25),
                                  (3, 2, '2026-02-11 14:00:00', 19.99), (4, 3, '2026-03-01 08:00:00', 1000.00);
        """;

    /// <summary>A fresh PostgreSQL shop database; the returned connection string carries <see cref="ServerPassword"/>.</summary>
    public static async Task<string> PostgreSqlShopAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("shop");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(ShopSchema, connection);
        await command.ExecuteNonQueryAsync();
        return connectionString;
    }

    /// <summary>A fresh SQLite shop file inside <paramref name="folder"/>; returns its file name.</summary>
    public static async Task<string> SqliteShopAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var fileName = $"shop_{Guid.NewGuid():N}.db";
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, fileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = ShopSchema;
        await command.ExecuteNonQueryAsync();
        return fileName;
    }

    public static async Task<(long Customers, long Orders, long Tables)> CountPostgreSqlAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return (await ScalarAsync(connection, "SELECT count(*) FROM customers"), await ScalarAsync(connection, "SELECT count(*) FROM orders"),
            await ScalarAsync(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    public static async Task<(long Customers, long Orders, long Tables)> CountSqliteAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return (await ScalarAsync(connection, "SELECT count(*) FROM customers"), await ScalarAsync(connection, "SELECT count(*) FROM orders"),
            await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"));
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
