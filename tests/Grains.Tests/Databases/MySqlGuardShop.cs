using MySqlConnector;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>A small shop on the test MariaDB server for the guard's tests, and a fingerprint of everything a hostile statement could change.</summary>
internal static class MySqlGuardShop
{
    private const string Schema = """
        CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, city VARCHAR(100));
        CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, ordered_at DATETIME NOT NULL, total DECIMAL(12,2) NOT NULL,
                             FOREIGN KEY (customer_id) REFERENCES customers(id));
        INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Grace', 'New York'), (3, 'Linus', 'Helsinki');
        INSERT INTO orders VALUES (1, 1, '2026-01-05 10:00:00', 120.50), (2, 1, '2026-02-01 09:30:00', 80.25),
                                  (3, 2, '2026-02-11 14:00:00', 19.99), (4, 3, '2026-03-01 08:00:00', 1000.00);
        """;

    public static async Task<string> CreateAsync()
    {
        var connectionString = await TestMariaDb.CreateDatabaseAsync("guard");
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(Schema, connection);
        await command.ExecuteNonQueryAsync();
        return connectionString;
    }

    /// <summary>Rows per table, the tables and their columns, and the names' contents: changes in any of them show here.</summary>
    public static async Task<string> FingerprintAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("""
            SELECT CONCAT_WS(' | ',
              (SELECT GROUP_CONCAT(table_name, ':', table_rows_exact ORDER BY table_name) FROM (
                 SELECT 'customers' AS table_name, COUNT(*) AS table_rows_exact FROM customers
                 UNION ALL SELECT 'orders', COUNT(*) FROM orders) AS counted),
              (SELECT GROUP_CONCAT(name ORDER BY id) FROM customers),
              (SELECT GROUP_CONCAT(table_name, '.', column_name ORDER BY table_name, ordinal_position)
                 FROM information_schema.columns WHERE table_schema = DATABASE()))
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
