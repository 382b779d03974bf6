using System.Text;
using Microsoft.Data.Sqlite;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>
/// A SQLite file with 100 empty tables of 6–12 columns, <c>customers</c> and <c>orders</c> among back-office
/// ones like <c>inventory_adjustments</c>: the size of schema where sending every table would crowd the prompt.
/// </summary>
internal static class WideSchemaFile
{
    public const string FileName = "wide.db";
    public const int Tables = 100;
    // Fixed, so every run measures the same schema.
    private const int Seed = 100;

    private static readonly string[] Areas =
        ["inventory", "warehouse", "shipping", "payroll", "supplier", "marketing", "support", "fleet", "tax", "audit", "billing", "product"];
    private static readonly string[] Records =
        ["adjustments", "transfers", "rates", "contracts", "campaigns", "tickets", "snapshots", "approvals", "schedules", "exceptions"];
    private static readonly string[] Columns =
    [
        "code TEXT", "name TEXT", "status TEXT", "amount NUMERIC", "quantity INTEGER", "created_at TEXT", "updated_at TEXT",
        "approved_by TEXT", "notes TEXT", "reference_no TEXT", "region TEXT", "currency TEXT", "effective_from TEXT",
        "effective_to TEXT", "priority INTEGER", "category TEXT",
    ];
    // Areas that deal with customers: their tables point at them, as real back-office tables do.
    private static readonly HashSet<string> CustomerFacing = ["shipping", "marketing", "support", "billing"];

    /// <returns>The file's name inside <paramref name="folder"/>.</returns>
    public static async Task<string> CreateAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        // A start repeated on new ports (PortRetry) reuses the folder; the tables must be created afresh.
        File.Delete(path);
        // No pooling: the silo must be the only one holding the file open.
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Script();
        await command.ExecuteNonQueryAsync(cancellationToken);
        return FileName;
    }

    private static string Script()
    {
        var random = new Random(Seed);
        var script = new StringBuilder("""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT, city TEXT, country TEXT, created_at TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), ordered_at TEXT, status TEXT, total NUMERIC, currency TEXT);

            """);
        var names = Areas.SelectMany(area => Records.Select(record => (Area: area, Name: $"{area}_{record}"))).ToArray();
        random.Shuffle(names);
        foreach (var (area, name) in names.Take(Tables - 2))
        {
            var columns = new List<string> { "id INTEGER PRIMARY KEY" };
            if (CustomerFacing.Contains(area)) columns.Add("customer_id INTEGER REFERENCES customers(id)");
            var extra = random.Next(6, 13) - columns.Count;
            var pool = (string[])Columns.Clone();
            random.Shuffle(pool);
            columns.AddRange(pool.Take(extra));
            script.AppendLine($"CREATE TABLE {name} ({string.Join(", ", columns)});");
        }
        return script.ToString();
    }
}
