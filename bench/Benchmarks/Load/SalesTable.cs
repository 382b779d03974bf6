using System.Globalization;
using System.Text;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>The customer data the simulated users ask about: one demo-like sales table, the same on SQLite and PostgreSQL.</summary>
internal static class SalesTable
{
    public const int Rows = 5_000;

    /// <summary>What the fake model writes in the closed loop: an aggregate over the whole table.</summary>
    public const string SalesByRegion =
        "SELECT region, sum(amount) AS sales, count(*) AS orders FROM sales WHERE status <> 'Cancelled' GROUP BY region ORDER BY sales DESC";

    /// <summary>What the fake model writes in the open loop, as the capacity target fixes it: one row by its key.</summary>
    public const string PointLookup = "SELECT id, region, customer, amount, status, sold_on FROM sales WHERE id = 4242";

    private static readonly string[] Regions = ["North", "West", "South", "East"];
    private static readonly string[] Statuses = ["Shipped", "Shipped", "Shipped", "Pending", "Cancelled"];

    public const string CreateTable =
        "CREATE TABLE sales (id integer PRIMARY KEY, region varchar(20) NOT NULL, customer varchar(60) NOT NULL, amount numeric(12,2) NOT NULL, status varchar(20) NOT NULL, sold_on date NOT NULL)";

    /// <summary>Deterministic rows (same seed every run) in one multi-row INSERT, valid in both dialects.</summary>
    public static string InsertRows()
    {
        var random = new Random(42);
        var sql = new StringBuilder("INSERT INTO sales (id, region, customer, amount, status, sold_on) VALUES ");
        var firstDay = new DateOnly(2025, 1, 1);
        for (var id = 1; id <= Rows; id++)
        {
            if (id > 1) sql.Append(',');
            // North gets the most weight, so the answer text above is true.
            var region = Regions[Math.Min(random.Next(5), 3)];
            sql.Append(CultureInfo.InvariantCulture,
                $"({id}, '{region}', 'Customer {random.Next(400)}', {random.Next(500, 500_000) / 100.0:F2}, '{Statuses[random.Next(Statuses.Length)]}', '{firstDay.AddDays(random.Next(690)):yyyy-MM-dd}')");
        }
        return sql.ToString();
    }
}
