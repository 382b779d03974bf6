using OrleansAssistant.Grains.VerifiedQueries.Ranking;

namespace OrleansAssistant.Grains.Tests.VerifiedQueries;

/// <summary>Twenty verified questions about a shop database, and for each a new question it is the right example for.</summary>
internal static class ShopLibrary
{
    public static readonly (long Id, string Question)[] Examples =
    [
        (1, "What were total sales in 2024?"),
        (2, "Top 10 customers by revenue"),
        (3, "How many orders were placed last month?"),
        (4, "Average order value by region"),
        (5, "Which products are out of stock?"),
        (6, "Monthly revenue trend for the last 12 months"),
        (7, "Number of new customers per month"),
        (8, "Best selling products by quantity"),
        (9, "Sales by product category"),
        (10, "Orders that were cancelled this week"),
        (11, "Revenue by region compared with last year"),
        (12, "Customers who have not ordered in 90 days"),
        (13, "Average discount per order line"),
        (14, "Sales per employee"),
        (15, "Shipping delays by carrier"),
        (16, "Products with the lowest profit margin"),
        (17, "Return rate by product category"),
        (18, "List orders above $500"),
        (19, "Customer count by country"),
        (20, "Unpaid invoices older than 30 days"),
    ];

    /// <summary>A new question and the id of the one library question that answers it.</summary>
    public static readonly (string Question, long RightExample)[] Pairs =
    [
        ("total sales in 2023", 1),
        ("Who are our five biggest customers by revenue?", 2),
        ("How many orders did we get in March 2024?", 3),
        ("average order value per region", 4),
        ("products that are not in stock", 5),
        ("revenue trend over the past 6 months", 6),
        ("how many new customers signed up each month", 7),
        ("top selling products", 8),
        ("sales for each category", 9),
        ("cancelled orders this week", 10),
        ("regional revenue compared to last year", 11),
        ("customers with no orders in the last 90 days", 12),
        ("what is the average discount on order lines", 13),
        ("sales made by each employee", 14),
        ("which carrier has the most shipping delays", 15),
        ("lowest margin products", 16),
        ("rate of returns per category", 17),
        ("orders over $1,000", 18),
        ("how many customers live in each country", 19),
        ("invoices unpaid for more than 60 days", 20),
    ];

    public static ExampleIndex Index()
    {
        var index = new ExampleIndex();
        foreach (var (id, question) in Examples) index.Upsert(id, question);
        return index;
    }
}
