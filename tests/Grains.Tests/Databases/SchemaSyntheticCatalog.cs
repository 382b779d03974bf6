using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>An in-memory schema of a shop lost among many unrelated tables, for table picking without a database.</summary>
internal static class SchemaSyntheticCatalog
{
    public static TableSchema Table(string name, string[] columns, params ForeignKeySchema[] foreignKeys) =>
        new("public", name, IsView: false,
            columns.Select(column => new ColumnSchema(column, "integer", IsNullable: false)).ToArray(),
            [columns[0]], foreignKeys, RowEstimate: null);

    public static ForeignKeySchema References(string column, string table) => new([column], "public", table, ["id"]);

    public static IReadOnlyList<TableSchema> Shop() =>
    [
        Table("customers", ["id", "name", "email"]),
        Table("addresses", ["id", "street", "city"]),
        Table("orders", ["id", "customer_id", "shipping_address_id", "ordered_at", "total"],
            References("customer_id", "customers"), References("shipping_address_id", "addresses")),
        Table("order_lines", ["order_id", "line_no", "product_id", "quantity"],
            References("order_id", "orders"), References("product_id", "products")),
        Table("products", ["id", "sku", "price"]),
    ];

    /// <summary>The shop plus unrelated tables (linked among themselves) up to <paramref name="tableCount"/>, sorted like a read schema.</summary>
    public static DatabaseSchema ShopAmong(int tableCount)
    {
        var shop = Shop();
        var unrelated = Enumerable.Range(1, tableCount - shop.Count).Select(number =>
            number == 1
                ? Table("inventory_zone_01", ["id", "code", "weight_kg"])
                : Table($"inventory_zone_{number:00}", ["id", "code", "parent_zone_id"], References("parent_zone_id", "inventory_zone_01")));

        var tables = shop.Concat(unrelated).OrderBy(table => table.Name, StringComparer.Ordinal).ToArray();
        return new DatabaseSchema(tables, DateTimeOffset.UnixEpoch);
    }
}
