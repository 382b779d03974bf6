using MySqlConnector;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// Real MariaDB databases of the test server: the small shop the other providers use (customers, orders → customers),
/// the schema shop with keys, comments and a view, and ways to count their rows.
/// </summary>
internal static class MySqlShop
{
    public const int OrderCount = 250;

    private const string SmallShop = """
        CREATE TABLE customers (id int PRIMARY KEY, name varchar(100) NOT NULL, city varchar(100)) ENGINE = InnoDB;
        CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL,
                             ordered_at datetime NOT NULL, total decimal(12,2) NOT NULL,
                             FOREIGN KEY (customer_id) REFERENCES customers (id)) ENGINE = InnoDB;
        INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Grace', 'New York'), (3, 'Linus', 'Helsinki');
        INSERT INTO orders VALUES (1, 1, '2026-01-05 10:00:00', 120.50), (2, 1, '2026-02-01 09:30:00', 80.25),
                                  (3, 2, '2026-02-11 14:00:00', 19.99), (4, 3, '2026-03-01 08:00:00', 1000.00);
        """;

    public static readonly string SchemaShop = $"""
        CREATE TABLE customers (
            id         int PRIMARY KEY COMMENT 'Customer number',
            name       varchar(100) NOT NULL,
            email      text,
            created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP) COMMENT = 'People and firms who buy';
        CREATE TABLE products (
            id    int PRIMARY KEY,
            sku   varchar(20) NOT NULL UNIQUE,
            price decimal(12,2) NOT NULL,
            active tinyint(1) NOT NULL DEFAULT 1);
        CREATE TABLE orders (
            id          bigint unsigned PRIMARY KEY,
            customer_id int NOT NULL,
            ordered_at  datetime NOT NULL,
            total       decimal(12,2),
            FOREIGN KEY (customer_id) REFERENCES customers (id));
        CREATE TABLE order_lines (
            order_id   bigint unsigned NOT NULL,
            line_no    smallint NOT NULL,
            product_id int NOT NULL,
            quantity   int NOT NULL,
            PRIMARY KEY (order_id, line_no),
            CONSTRAINT a_order FOREIGN KEY (order_id) REFERENCES orders (id),
            CONSTRAINT b_product FOREIGN KEY (product_id) REFERENCES products (id));
        CREATE TABLE `order notes` (
            order_id     bigint unsigned NOT NULL,
            line_no      smallint NOT NULL,
            `written by` varchar(50),
            FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no));
        CREATE VIEW customer_totals AS
            SELECT c.id AS customer_id, c.name, sum(o.total) AS total
            FROM customers AS c JOIN orders AS o ON o.customer_id = c.id
            GROUP BY c.id, c.name;
        INSERT INTO customers (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c');
        INSERT INTO orders (id, customer_id, ordered_at, total)
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {OrderCount})
            SELECT i, 1 + i % 3, NOW(), i FROM n;
        ANALYZE TABLE customers, orders;
        """;

    /// <summary>A fresh database holding the small shop; its connection string logs in as the test server's root.</summary>
    public static Task<string> SmallShopAsync() => CreateAsync("shop", SmallShop);

    public static Task<string> SchemaShopAsync() => CreateAsync("schema", SchemaShop);

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<(long Customers, long Orders, long Tables)> CountAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return (await ScalarAsync(connection, "SELECT count(*) FROM customers"), await ScalarAsync(connection, "SELECT count(*) FROM orders"),
            await ScalarAsync(connection, "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"));
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return await ScalarAsync(connection, sql);
    }

    private static async Task<string> CreateAsync(string purpose, string script)
    {
        var connectionString = await TestMariaDb.CreateDatabaseAsync(purpose);
        await ExecuteAsync(connectionString, script);
        return connectionString;
    }

    private static async Task<long> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
