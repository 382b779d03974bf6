using System.Globalization;

namespace OrleansAssistant.Benchmarks.Verified;

/// <summary>Seeded questions a shop's team asks, from templates over a realistic vocabulary, with numbers and dates.</summary>
internal sealed class BusinessQuestions(int seed)
{
    private static readonly string[] Metrics =
    [
        "revenue", "sales", "gross margin", "net profit", "order count", "average order value", "discounts", "refunds", "returns",
        "shipping cost", "units sold", "basket size", "conversion rate", "churn", "customer lifetime value", "tax collected",
        "stock level", "backorders", "repeat purchase rate", "cart abandonment",
    ];

    private static readonly string[] Dimensions =
    [
        "region", "country", "city", "store", "sales channel", "product category", "brand", "supplier", "warehouse",
        "customer segment", "payment method", "sales rep", "carrier", "month", "week", "quarter", "day of week",
    ];

    private static readonly string[] Entities =
    [
        "customers", "orders", "products", "suppliers", "stores", "invoices", "shipments", "returns", "employees",
        "categories", "brands", "carts", "subscriptions", "coupons", "warehouses",
    ];

    private static readonly string[] Events = ["placed", "shipped", "cancelled", "refunded", "delivered", "returned", "paid", "reviewed"];

    private static readonly string[] Places =
    [
        "the North region", "the South region", "EMEA", "APAC", "Germany", "France", "Texas", "California", "Ontario",
        "the online store", "the Berlin store", "the outlet stores",
    ];

    private static readonly string[] Categories =
        ["electronics", "toys", "garden", "furniture", "groceries", "apparel", "footwear", "beauty", "books", "sports gear", "pet supplies"];

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly Func<BusinessQuestions, string>[] Templates =
    [
        q => $"{q.Pick(Metrics)} by {q.Pick(Dimensions)}",
        q => $"Top {q.Number(3, 50)} {q.Pick(Entities)} by {q.Pick(Metrics)}",
        q => $"What was the total {q.Pick(Metrics)} in {q.Year()}?",
        q => $"How many {q.Pick(Entities)} were {q.Pick(Events)} in {q.Pick(Months)} {q.Year()}?",
        q => $"Average {q.Pick(Metrics)} per {q.Pick(Dimensions)} for {q.Pick(Categories)}",
        q => $"Which {q.Pick(Entities)} had the highest {q.Pick(Metrics)} last {q.Pick(Dimensions)}?",
        q => $"{q.Pick(Entities)} with {q.Pick(Metrics)} above ${q.Number(100, 20_000)}",
        q => $"Compare {q.Pick(Metrics)} between {q.Pick(Places)} and {q.Pick(Places)}",
        q => $"{q.Pick(Metrics)} trend for {q.Pick(Categories)} since {q.Date()}",
        q => $"List {q.Pick(Entities)} that have not {q.Pick(Events)} in {q.Number(7, 365)} days",
        q => $"Share of {q.Pick(Metrics)} from {q.Pick(Categories)} in {q.Pick(Places)} this {q.Pick(Dimensions)}",
        q => $"Show {q.Pick(Metrics)} and {q.Pick(Metrics)} for {q.Pick(Entities)} in {q.Pick(Places)} during Q{q.Number(1, 4)} {q.Year()}",
    ];

    private readonly Random _random = new(seed);

    public string Next() => Templates[_random.Next(Templates.Length)](this);

    private string Pick(string[] words) => words[_random.Next(words.Length)];

    private string Number(int min, int max) => _random.Next(min, max + 1).ToString(CultureInfo.InvariantCulture);

    private string Year() => Number(2019, 2026);

    private string Date() => new DateOnly(2019, 1, 1).AddDays(_random.Next(2_500)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
