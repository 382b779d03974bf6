namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>
/// The demo tables. Money is INTEGER cents (columns ending in _cents): SQLite has no decimal type,
/// and whole cents keep 19.99 exact through any sum. The order_totals view shows amounts in dollars.
/// Comments sit inside the CREATE statements because SQLite keeps those in sqlite_master, where
/// anyone reading the schema finds them.
/// </summary>
internal static class DemoSalesSchema
{
    public const string Script = """
        CREATE TABLE regions (
            id   INTEGER PRIMARY KEY,
            name TEXT    NOT NULL UNIQUE
        );

        CREATE TABLE branches (
            id        INTEGER PRIMARY KEY,
            region_id INTEGER NOT NULL REFERENCES regions (id),
            name      TEXT    NOT NULL UNIQUE,
            city      TEXT    NOT NULL,
            opened_on TEXT    NOT NULL -- date, YYYY-MM-DD
        );

        CREATE TABLE product_categories (
            id   INTEGER PRIMARY KEY,
            name TEXT    NOT NULL UNIQUE
        );

        CREATE TABLE products (
            id               INTEGER PRIMARY KEY,
            category_id      INTEGER NOT NULL REFERENCES product_categories (id),
            name             TEXT    NOT NULL,
            sku              TEXT    NOT NULL UNIQUE,
            unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents > 0), -- current list price in US cents: 1999 = $19.99
            active           INTEGER NOT NULL CHECK (active IN (0, 1))      -- 0 = discontinued
        );

        CREATE TABLE customers (
            id         INTEGER PRIMARY KEY,
            name       TEXT    NOT NULL,
            email      TEXT    NOT NULL UNIQUE,
            segment    TEXT    NOT NULL CHECK (segment IN ('Retail', 'SMB', 'Enterprise')),
            city       TEXT    NOT NULL,
            region_id  INTEGER NOT NULL REFERENCES regions (id),
            created_at TEXT    NOT NULL -- YYYY-MM-DD HH:MM:SS
        );

        CREATE TABLE sales_reps (
            id        INTEGER PRIMARY KEY,
            branch_id INTEGER NOT NULL REFERENCES branches (id),
            name      TEXT    NOT NULL,
            hired_on  TEXT    NOT NULL -- date, YYYY-MM-DD
        );

        CREATE TABLE orders (
            id             INTEGER PRIMARY KEY,
            customer_id    INTEGER NOT NULL REFERENCES customers (id),
            branch_id      INTEGER NOT NULL REFERENCES branches (id),
            sales_rep_id   INTEGER NOT NULL REFERENCES sales_reps (id),
            ordered_at     TEXT    NOT NULL, -- YYYY-MM-DD HH:MM:SS, branch local time
            status         TEXT    NOT NULL CHECK (status IN ('Completed', 'Shipped', 'Cancelled', 'Returned')),
            payment_method TEXT    NOT NULL
        );

        CREATE TABLE order_lines (
            order_id         INTEGER NOT NULL REFERENCES orders (id),
            line_no          INTEGER NOT NULL,
            product_id       INTEGER NOT NULL REFERENCES products (id),
            quantity         INTEGER NOT NULL CHECK (quantity > 0),
            unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents > 0),                  -- price paid per unit, in US cents
            discount_percent INTEGER NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100), -- line amount = quantity * unit_price_cents * (100 - discount_percent) / 100
            PRIMARY KEY (order_id, line_no)
        );

        CREATE INDEX ix_branches_region_id    ON branches (region_id);
        CREATE INDEX ix_products_category_id  ON products (category_id);
        CREATE INDEX ix_customers_region_id   ON customers (region_id);
        CREATE INDEX ix_sales_reps_branch_id  ON sales_reps (branch_id);
        CREATE INDEX ix_orders_customer_id    ON orders (customer_id);
        CREATE INDEX ix_orders_branch_id      ON orders (branch_id);
        CREATE INDEX ix_orders_ordered_at     ON orders (ordered_at);
        CREATE INDEX ix_order_lines_product_id ON order_lines (product_id);

        CREATE VIEW order_totals AS -- one row per order, every status: filter on status to leave out cancelled or returned orders
        SELECT o.id            AS order_id,
               o.customer_id,
               c.name          AS customer_name,
               o.branch_id,
               b.name          AS branch_name,
               b.region_id,
               r.name          AS region_name,
               o.ordered_at,
               o.status,
               t.total_cents,
               ROUND(t.total_cents / 100.0, 2) AS total -- US dollars
        FROM orders AS o
        JOIN customers AS c ON c.id = o.customer_id
        JOIN branches AS b ON b.id = o.branch_id
        JOIN regions AS r ON r.id = b.region_id
        JOIN (SELECT order_id,
                     SUM((quantity * unit_price_cents * (100 - discount_percent) + 50) / 100) AS total_cents -- each line rounded to whole cents
              FROM order_lines
              GROUP BY order_id) AS t ON t.order_id = o.id;
        """;
}
