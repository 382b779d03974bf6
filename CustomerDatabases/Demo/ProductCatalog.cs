using Microsoft.Data.Sqlite;

namespace OrleansAssistant.CustomerDatabases.Demo;

internal sealed record DemoProduct(int Id, long ListPriceCents, bool Active, double Weight);

/// <summary>8 categories × 15 products: each category's brands crossed with its models, priced around the model's typical price.</summary>
internal static class ProductCatalog
{
    private const int ProductsPerCategory = 15;

    private sealed record Category(string Name, string SkuPrefix, double Popularity, string[] Brands, (string Name, int TypicalPrice)[] Models);

    private static readonly Category[] Categories =
    [
        new("Laptops", "LAP", 1.0, ["Nimbus", "Vantage", "Orion"],
            [("Student 14", 599), ("Air 13", 899), ("Business 14", 1149), ("Pro 14", 1399), ("Creator 15", 1699), ("Pro 16", 1999)]),
        new("Monitors", "MON", 1.3, ["Clarity", "Vantage", "Lumina"],
            [("22-inch Essential", 119), ("24-inch Full HD", 169), ("27-inch QHD", 329), ("27-inch 4K", 449), ("32-inch 4K", 649), ("34-inch Ultrawide", 799)]),
        new("Phones", "PHN", 1.0, ["Orion", "Pulse", "Kestrel"],
            [("Lite", 249), ("Mini", 399), ("Plus", 549), ("Pro", 899), ("Pro Max", 1199), ("Fold", 1599)]),
        new("Accessories", "ACC", 3.0, ["Kestrel", "Vantage", "Swift"],
            [("Wireless Mouse", 29), ("Mechanical Keyboard", 89), ("USB-C Hub", 49), ("Laptop Sleeve 14-inch", 24), ("Webcam 1080p", 69), ("USB-C Charger 65W", 39)]),
        new("Audio", "AUD", 1.8, ["Pulse", "Echo", "Lumina"],
            [("Wireless Earbuds", 79), ("Noise-Cancelling Headphones", 249), ("Bluetooth Speaker", 99), ("Conference Speakerphone", 179), ("USB Headset", 59), ("Soundbar", 299)]),
        new("Printers & Supplies", "PRN", 2.0, ["Inkwell", "Vantage", "Clarity"],
            [("Laser Printer", 249), ("Color Laser Multifunction", 549), ("Inkjet All-in-One", 129), ("Black Toner Cartridge", 79), ("Ink Multipack", 45), ("Copy Paper Case", 39)]),
        new("Networking", "NET", 1.2, ["Meshlink", "Vantage", "Orion"],
            [("Wi-Fi 6 Router", 149), ("Mesh Wi-Fi 3-Pack", 329), ("8-Port Switch", 39), ("24-Port Managed Switch", 349), ("Wireless Access Point", 189), ("Cat6 Cable 10 ft", 12)]),
        new("Office Furniture", "FUR", 0.8, ["Ergoform", "Oakline", "Summit"],
            [("Task Chair", 249), ("Executive Chair", 599), ("Standing Desk", 699), ("Office Desk 60-inch", 399), ("Monitor Arm", 119), ("Filing Cabinet", 189)]),
    ];

    // Budget, mainstream and premium brand.
    private static readonly double[] BrandPriceFactors = [0.92, 1.0, 1.12];

    public static IReadOnlyList<DemoProduct> Write(SqliteTransaction transaction, Random random)
    {
        using var categoryRows = new RowInserter(transaction, "product_categories", "id", "name");
        using var productRows = new RowInserter(transaction, "products", "id", "category_id", "name", "sku", "unit_price_cents", "active");
        var products = new List<DemoProduct>();
        for (var c = 0; c < Categories.Length; c++)
        {
            var category = Categories[c];
            categoryRows.Insert(c + 1, category.Name);
            foreach (var (brand, model) in ChooseBrandModels(random, category))
            {
                var (modelName, typicalPrice) = category.Models[model];
                var dollars = typicalPrice * BrandPriceFactors[brand] * (0.96 + 0.08 * random.NextDouble());
                var active = random.Next(100) >= 10;
                // A few bestsellers and a long tail, within a category's overall popularity.
                var u = random.NextDouble();
                var product = new DemoProduct(products.Count + 1, RetailPrice.ToCents(dollars), active, category.Popularity * (0.3 + 2.0 * u * u));
                var brandName = category.Brands[brand];
                var sku = $"{category.SkuPrefix}-{brandName[..3].ToUpperInvariant()}-{model + 1:00}";
                productRows.Insert(product.Id, c + 1, $"{brandName} {modelName}", sku, product.ListPriceCents, active ? 1 : 0);
                products.Add(product);
            }
        }
        return products;
    }

    private static IEnumerable<(int Brand, int Model)> ChooseBrandModels(Random random, Category category)
    {
        var all = (from brand in Enumerable.Range(0, category.Brands.Length)
                   from model in Enumerable.Range(0, category.Models.Length)
                   select (brand, model)).ToArray();
        random.Shuffle(all);
        return all.Take(ProductsPerCategory).Order();
    }
}
