using Microsoft.Data.Sqlite;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>A small customer database (a shop) as a SQLite file in the folder customers' SQLite files must live in.</summary>
public static class BotShopDatabase
{
    private const string Schema = """
        CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, city text);
        CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers(id), ordered_at text NOT NULL, total numeric NOT NULL);
        INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Grace', 'New York'), (3, 'Linus', 'Helsinki');
        INSERT INTO orders VALUES (1, 1, '2026-01-05 10:00:00', 120.50), (2, 2, '2026-02-11 14:00:00', 19.99), (3, 3, '2026-03-01 08:00:00', 1000.00);
        """;

    /// <returns>The file name, for <c>sqlite:///&lt;file&gt;</c>.</returns>
    public static async Task<string> CreateAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var fileName = $"shop_{Guid.NewGuid():N}.db";
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, fileName)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync();
        return fileName;
    }
}
