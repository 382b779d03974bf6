using Npgsql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>
/// A small customer database on the test PostgreSQL server. Every silo process reaches it the same
/// way, unlike a SQLite file, which lives in one silo's own folder.
/// </summary>
internal static class ShopDatabase
{
    /// <returns>A <c>postgresql://</c> URL, as a person would give it to <c>/adddb</c>.</returns>
    public static async Task<string> CreateAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("faultshop");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, city text);
                INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Grace', 'New York'), (3, 'Linus', 'Helsinki');
                """, connection);
            await command.ExecuteNonQueryAsync();
        }
        var parts = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{Uri.EscapeDataString(parts.Username!)}:{Uri.EscapeDataString(parts.Password!)}@{parts.Host}:{parts.Port}/{parts.Database}";
    }
}
