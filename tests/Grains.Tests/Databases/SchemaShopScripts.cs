using System.Data.Common;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>
/// A small shop in each dialect: customers, products, orders → customers, order_lines (composite key,
/// → orders and → products), "order notes" (a space in its name, a two-column key to order_lines) and a view.
/// Orders and a few other parts carry comments in the dialect's own way; customers and products carry none.
/// </summary>
internal static class SchemaShopScripts
{
    public const int OrderCount = 250;
    public const int CustomerCount = 3;

    /// <summary>A description far longer than a prompt should carry.</summary>
    public static readonly string LongComment = string.Concat(Enumerable.Repeat("Daily takings per customer, summed at midnight. ", 20));

    // PostgreSQL also gets a second schema whose key order differs from its column order, and a temp table that must stay invisible.
    public static readonly string PostgreSql = $"""
        CREATE TABLE customers (
            id         integer PRIMARY KEY,
            name       character varying(100) NOT NULL,
            email      text,
            created_at timestamp with time zone NOT NULL DEFAULT now());
        CREATE TABLE products (
            id    integer PRIMARY KEY,
            sku   varchar(20) NOT NULL UNIQUE,
            price numeric(12,2) NOT NULL);
        CREATE TABLE orders (
            id          integer PRIMARY KEY,
            customer_id integer NOT NULL REFERENCES customers (id),
            ordered_at  timestamptz NOT NULL,
            total       numeric(12,2));
        CREATE TABLE order_lines (
            order_id   integer NOT NULL REFERENCES orders (id),
            line_no    smallint NOT NULL,
            product_id integer NOT NULL REFERENCES products (id),
            quantity   integer NOT NULL,
            PRIMARY KEY (order_id, line_no));
        CREATE TABLE "order notes" (
            order_id     integer NOT NULL,
            line_no      smallint NOT NULL,
            "written by" text,
            FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no));
        CREATE VIEW customer_totals AS
            SELECT c.id AS customer_id, c.name, sum(o.total) AS total
            FROM customers AS c JOIN orders AS o ON o.customer_id = c.id
            GROUP BY c.id, c.name;
        CREATE SCHEMA reporting;
        CREATE TABLE reporting.daily_sales (
            customer_id integer NOT NULL REFERENCES public.customers (id),
            day         date NOT NULL,
            amount      numeric(14,2) NOT NULL,
            PRIMARY KEY (day, customer_id));
        CREATE TEMP TABLE scratch_totals (id integer);
        COMMENT ON TABLE orders IS 'Orders placed on the web shop';
        COMMENT ON COLUMN orders.customer_id IS E'Who ordered:\n  the buyer''s account';
        COMMENT ON COLUMN orders.total IS 'Sum in euros, tax included';
        COMMENT ON COLUMN products.sku IS '   ';
        COMMENT ON VIEW customer_totals IS 'Money spent per customer';
        COMMENT ON TABLE reporting.daily_sales IS '{LongComment}';
        INSERT INTO customers (id, name) SELECT g, 'Customer ' || g FROM generate_series(1, {CustomerCount}) AS g;
        INSERT INTO orders (id, customer_id, ordered_at, total)
            SELECT g, 1 + g % {CustomerCount}, now(), g FROM generate_series(1, {OrderCount}) AS g;
        """;

    // SQLite also gets a name with quotes in it, an untyped column, REFERENCES without a column, and
    // AUTOINCREMENT (which creates sqlite_sequence); ANALYZE later creates sqlite_stat1.
    public static readonly string Sqlite = $""""
        CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, email TEXT, created_at TEXT NOT NULL);
        CREATE TABLE products (id INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE, price NUMERIC(12,2) NOT NULL);
        CREATE TABLE orders ( -- Orders placed on the web shop
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id INTEGER NOT NULL REFERENCES customers (id), -- Who ordered
            ordered_at  TEXT NOT NULL,
            total       NUMERIC(12,2) -- Sum in euros, tax included
            );
        CREATE TABLE order_lines (
            order_id   INTEGER NOT NULL REFERENCES orders (id),
            line_no    INTEGER NOT NULL,
            product_id INTEGER NOT NULL REFERENCES products,
            quantity   INTEGER NOT NULL,
            PRIMARY KEY (order_id, line_no));
        CREATE TABLE "order notes" (
            order_id INTEGER NOT NULL,
            line_no  INTEGER NOT NULL,
            "written by",
            FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no));
        CREATE TABLE "it's ""odd""" (x INTEGER);
        CREATE VIEW customer_totals AS
            SELECT c.id AS customer_id, c.name, sum(o.total) AS total
            FROM customers AS c JOIN orders AS o ON o.customer_id = c.id
            GROUP BY c.id, c.name;
        INSERT INTO customers (id, name, created_at) VALUES (1, 'a', '2024-01-01'), (2, 'b', '2024-01-01'), (3, 'c', '2024-01-01');
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {OrderCount})
            INSERT INTO orders (customer_id, ordered_at, total) SELECT 1 + i % {CustomerCount}, '2024-01-01', i FROM n;
        """";

    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
