namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>
/// The demo tables of <see cref="DemoSalesSchema"/> in MySQL / MariaDB types: SQLite's INTEGER becomes INT (BIGINT for
/// money), TEXT a VARCHAR (so it can carry a UNIQUE key), date texts DATE and DATETIME. Keys, checks and comments are
/// kept; the view divides whole cents with DIV because MySQL's "/" never truncates as SQLite's integer division does.
/// </summary>
internal static class DemoSalesMySqlSchema
{
    /// <summary>The tables in an order that inserts parents before children.</summary>
    public static readonly string[] Tables =
        ["regions", "branches", "product_categories", "products", "customers", "sales_reps", "orders", "order_lines"];

    public static readonly string[] Statements =
    [
        """
        CREATE TABLE regions (
            id   INT          NOT NULL PRIMARY KEY,
            name VARCHAR(100) NOT NULL UNIQUE
        ) ENGINE = InnoDB
        """,
        """
        CREATE TABLE branches (
            id        INT          NOT NULL PRIMARY KEY,
            region_id INT          NOT NULL,
            name      VARCHAR(100) NOT NULL UNIQUE,
            city      VARCHAR(100) NOT NULL,
            opened_on DATE         NOT NULL,
            CONSTRAINT fk_branches_region FOREIGN KEY (region_id) REFERENCES regions (id)
        ) ENGINE = InnoDB
        """,
        """
        CREATE TABLE product_categories (
            id   INT          NOT NULL PRIMARY KEY,
            name VARCHAR(100) NOT NULL UNIQUE
        ) ENGINE = InnoDB
        """,
        """
        CREATE TABLE products (
            id               INT          NOT NULL PRIMARY KEY,
            category_id      INT          NOT NULL,
            name             VARCHAR(200) NOT NULL,
            sku              VARCHAR(50)  NOT NULL UNIQUE,
            unit_price_cents BIGINT       NOT NULL COMMENT 'current list price in US cents: 1999 = $19.99' CHECK (unit_price_cents > 0),
            active           TINYINT      NOT NULL COMMENT '0 = discontinued' CHECK (active IN (0, 1)),
            CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES product_categories (id)
        ) ENGINE = InnoDB
        """,
        """
        CREATE TABLE customers (
            id         INT          NOT NULL PRIMARY KEY,
            name       VARCHAR(200) NOT NULL,
            email      VARCHAR(200) NOT NULL UNIQUE,
            segment    VARCHAR(20)  NOT NULL CHECK (segment IN ('Retail', 'SMB', 'Enterprise')),
            city       VARCHAR(100) NOT NULL,
            region_id  INT          NOT NULL,
            created_at DATETIME     NOT NULL,
            CONSTRAINT fk_customers_region FOREIGN KEY (region_id) REFERENCES regions (id)
        ) ENGINE = InnoDB
        """,
        """
        CREATE TABLE sales_reps (
            id        INT          NOT NULL PRIMARY KEY,
            branch_id INT          NOT NULL,
            name      VARCHAR(200) NOT NULL,
            hired_on  DATE         NOT NULL,
            CONSTRAINT fk_sales_reps_branch FOREIGN KEY (branch_id) REFERENCES branches (id)
        ) ENGINE = InnoDB
        """,
        """
        CREATE TABLE orders (
            id             INT         NOT NULL PRIMARY KEY,
            customer_id    INT         NOT NULL,
            branch_id      INT         NOT NULL,
            sales_rep_id   INT         NOT NULL,
            ordered_at     DATETIME    NOT NULL COMMENT 'branch local time',
            status         VARCHAR(20) NOT NULL CHECK (status IN ('Completed', 'Shipped', 'Cancelled', 'Returned')),
            payment_method VARCHAR(50) NOT NULL,
            INDEX ix_orders_ordered_at (ordered_at),
            CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
            CONSTRAINT fk_orders_branch FOREIGN KEY (branch_id) REFERENCES branches (id),
            CONSTRAINT fk_orders_sales_rep FOREIGN KEY (sales_rep_id) REFERENCES sales_reps (id)
        ) ENGINE = InnoDB
        """,
        """
        CREATE TABLE order_lines (
            order_id         INT    NOT NULL,
            line_no          INT    NOT NULL,
            product_id       INT    NOT NULL,
            quantity         INT    NOT NULL CHECK (quantity > 0),
            unit_price_cents BIGINT NOT NULL COMMENT 'price paid per unit, in US cents' CHECK (unit_price_cents > 0),
            discount_percent INT    NOT NULL DEFAULT 0
                COMMENT 'line amount = quantity * unit_price_cents * (100 - discount_percent) / 100' CHECK (discount_percent BETWEEN 0 AND 100),
            PRIMARY KEY (order_id, line_no),
            CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id),
            CONSTRAINT fk_order_lines_product FOREIGN KEY (product_id) REFERENCES products (id)
        ) ENGINE = InnoDB
        """,
    ];

    /// <summary>Dollars per order, as in the SQLite demo; created after the tables it reads.</summary>
    public const string OrderTotalsView = """
        CREATE VIEW order_totals AS
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
               ROUND(t.total_cents / 100.0, 2) AS total
        FROM orders AS o
        JOIN customers AS c ON c.id = o.customer_id
        JOIN branches AS b ON b.id = o.branch_id
        JOIN regions AS r ON r.id = b.region_id
        JOIN (SELECT order_id,
                     SUM((quantity * unit_price_cents * (100 - discount_percent) + 50) DIV 100) AS total_cents
              FROM order_lines
              GROUP BY order_id) AS t ON t.order_id = o.id
        """;
}
