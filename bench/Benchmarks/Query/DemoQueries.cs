using System.Globalization;

namespace OrleansAssistant.Benchmarks.Query;

/// <summary>The measured statements against "Demo Sales": the kind of SQL the model writes for a user's question.</summary>
internal static class DemoQueries
{
    /// <summary>Joins four tables through the order_totals view and groups every order: a typical "sales by region" answer.</summary>
    public const string SalesByRegion =
        "SELECT region_name, sum(total) AS sales FROM order_totals WHERE status <> 'Cancelled' GROUP BY region_name";

    public const string LastOrderId = "SELECT max(id) AS last_id FROM orders";

    /// <summary>One row by primary key: the cheapest query, so the figure is mostly the guarded path's own cost.</summary>
    public static string OrderById(long id) =>
        string.Create(CultureInfo.InvariantCulture, $"SELECT * FROM orders WHERE id = {id}");
}
