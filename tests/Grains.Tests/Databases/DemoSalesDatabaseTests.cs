using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.TestSupport;
using Xunit.Abstractions;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>One generated demo database shared by the tests that only read it.</summary>
public sealed class DemoSalesDatabaseFixture : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();

    public string Folder => Path.Combine(_folder.Path, "data");

    public string DatabasePath => Path.Combine(Folder, DemoSalesDatabase.FileName);

    public bool Created { get; private set; }

    public TimeSpan GenerationTime { get; private set; }

    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        Created = await DemoSalesDatabase.EnsureCreatedAsync(DatabasePath, CancellationToken.None);
        GenerationTime = stopwatch.Elapsed;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class DemoSalesDatabaseTests(DemoSalesDatabaseFixture fixture, ITestOutputHelper output)
    : IClassFixture<DemoSalesDatabaseFixture>
{
    private static readonly string[] Tables =
        ["regions", "branches", "product_categories", "products", "customers", "sales_reps", "orders", "order_lines"];

    // Aggregates a user would ask for: they must come out the same from every generation.
    private static readonly string[] AggregateQueries =
    [
        "SELECT COUNT(*), SUM(total_cents) FROM order_totals",
        "SELECT strftime('%Y', ordered_at) AS year, COUNT(*), SUM(total_cents) FROM order_totals WHERE status <> 'Cancelled' GROUP BY year ORDER BY year",
        "SELECT customer_id, customer_name, SUM(total_cents) AS spent FROM order_totals WHERE status <> 'Cancelled' GROUP BY customer_id ORDER BY spent DESC LIMIT 1",
    ];

    [Fact]
    public void EnsureCreated_MissingFile_CreatesTheDatabase()
    {
        output.WriteLine($"generation took {fixture.GenerationTime.TotalMilliseconds:F0} ms");

        Assert.True(fixture.Created);
        Assert.True(File.Exists(fixture.DatabasePath));
    }

    [Fact]
    public async Task Schema_HasEveryTableAndTheOrderTotalsView()
    {
        var objects = await QueryAsync(fixture.DatabasePath, "SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%' ORDER BY 1");

        var expected = Tables.Select(table => $"table {table}").Append("view order_totals").Order(StringComparer.Ordinal);
        Assert.Equal(expected, objects.Select(row => (string)row[0]!));
    }

    [Fact]
    public async Task Tables_HoldADemoCompanysWorthOfRows()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables) counts[table] = await ScalarAsync(fixture.DatabasePath, $"SELECT COUNT(*) FROM {table}");
        output.WriteLine(string.Join(", ", counts.Select(count => $"{count.Key} {count.Value}")));

        Assert.InRange(counts["orders"], 10_000, 20_000);
        Assert.InRange(counts["order_lines"], counts["orders"] * 5 / 2, counts["orders"] * 7 / 2);
        Assert.Equal(5, counts["regions"]);
        Assert.Equal(25, counts["branches"]);
        Assert.Equal(8, counts["product_categories"]);
        Assert.Equal(120, counts["products"]);
        Assert.Equal(2_000, counts["customers"]);
        Assert.Equal(80, counts["sales_reps"]);
    }

    [Fact]
    public async Task ForeignKeyCheck_FindsNoDanglingReference()
    {
        var declaredKeys = await ScalarAsync(fixture.DatabasePath,
            "SELECT COUNT(*) FROM sqlite_master AS t, pragma_foreign_key_list(t.name) WHERE t.type = 'table'");
        var violations = await QueryAsync(fixture.DatabasePath, "PRAGMA foreign_key_check");
        var integrity = await QueryAsync(fixture.DatabasePath, "PRAGMA integrity_check");

        Assert.Equal(9, declaredKeys);
        Assert.Empty(violations);
        Assert.Equal("ok", (string)integrity.Single()[0]!);
    }

    [Fact]
    public async Task Orders_RespectTheirCustomerBranchRepAndPeriod()
    {
        var inconsistent = await ScalarAsync(fixture.DatabasePath, """
            SELECT COUNT(*)
            FROM orders AS o
            JOIN customers AS c ON c.id = o.customer_id
            JOIN branches AS b ON b.id = o.branch_id
            JOIN sales_reps AS r ON r.id = o.sales_rep_id
            WHERE o.ordered_at < c.created_at
               OR date(o.ordered_at) < b.opened_on
               OR r.branch_id <> o.branch_id
               OR date(o.ordered_at) < r.hired_on
               OR o.ordered_at NOT BETWEEN '2024-01-01' AND '2026-10-31 23:59:59'
            """);

        Assert.Equal(0, inconsistent);
    }

    [Fact]
    public async Task Orders_PeakInNovemberAndDecemberAndFavourRegulars()
    {
        var holidayMonths = await ScalarAsync(fixture.DatabasePath, "SELECT COUNT(*) FROM orders WHERE ordered_at >= '2025-11-01' AND ordered_at < '2026-01-01'");
        var restOfYear = await ScalarAsync(fixture.DatabasePath, "SELECT COUNT(*) FROM orders WHERE ordered_at >= '2025-01-01' AND ordered_at < '2025-11-01'");
        var topTenthShare = await ScalarAsync(fixture.DatabasePath, """
            WITH spent AS (SELECT customer_id, SUM(total_cents) AS cents FROM order_totals GROUP BY customer_id)
            SELECT 100 * (SELECT SUM(cents) FROM (SELECT cents FROM spent ORDER BY cents DESC LIMIT (SELECT COUNT(*) / 10 FROM spent)))
                   / (SELECT SUM(cents) FROM spent)
            """);
        output.WriteLine($"Nov-Dec 2025: {holidayMonths / 2} orders a month, Jan-Oct 2025: {restOfYear / 10}; top 10 % of customers: {topTenthShare} % of sales");

        Assert.True(holidayMonths / 2 > restOfYear / 10 * 13 / 10, "November and December are the busiest months");
        Assert.InRange(topTenthShare, 30, 80);
    }

    [Fact]
    public async Task EnsureCreated_InAnotherFolder_WritesIdenticalContent()
    {
        using var otherFolder = new TempDirectory();
        var otherPath = Path.Combine(otherFolder.Path, DemoSalesDatabase.FileName);
        var stopwatch = Stopwatch.StartNew();

        Assert.True(await DemoSalesDatabase.EnsureCreatedAsync(otherPath, CancellationToken.None));
        output.WriteLine($"second generation took {stopwatch.Elapsed.TotalMilliseconds:F0} ms");

        foreach (var table in Tables)
            Assert.Equal(await DigestAsync(fixture.DatabasePath, table), await DigestAsync(otherPath, table));
        foreach (var query in AggregateQueries)
        {
            var expected = Describe(await QueryAsync(fixture.DatabasePath, query));
            Assert.Equal(expected, Describe(await QueryAsync(otherPath, query)));
            output.WriteLine(expected);
        }
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task EnsureCreated_ExistingFile_ReturnsFalseAndLeavesItUntouched()
    {
        var before = File.GetLastWriteTimeUtc(fixture.DatabasePath);
        var length = new FileInfo(fixture.DatabasePath).Length;

        var created = await DemoSalesDatabase.EnsureCreatedAsync(fixture.DatabasePath, CancellationToken.None);

        Assert.False(created);
        Assert.Equal(before, File.GetLastWriteTimeUtc(fixture.DatabasePath));
        Assert.Equal(length, new FileInfo(fixture.DatabasePath).Length);
    }

    [Fact]
    public void EnsureCreated_Finished_LeavesOnlyTheDatabaseFile()
    {
        var files = Directory.GetFiles(fixture.Folder);

        Assert.Equal(DemoSalesDatabase.FileName, Path.GetFileName(Assert.Single(files)));
    }

    [Fact]
    public async Task EnsureCreated_CancelledMidway_LeavesNothingBehind()
    {
        using var folder = new TempDirectory();
        using var cancellation = new CancellationTokenSource();

        var creation = DemoSalesDatabase.EnsureCreatedAsync(Path.Combine(folder.Path, DemoSalesDatabase.FileName), cancellation.Token);
        // Cancel once the build is under way: the temporary file exists, and filling it takes far longer than this wait.
        Assert.True(SpinWait.SpinUntil(() => Directory.EnumerateFiles(folder.Path, "*.tmp-*").Any(), TimeSpan.FromSeconds(30)));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => creation);
        SqliteConnection.ClearAllPools();
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task TypicalQuestion_SalesPerRegionIn2025_AnswersForFiveRegions()
    {
        // What a model writes for "What were total sales per region in 2025?"
        var rows = await QueryAsync(fixture.DatabasePath, """
            SELECT r.name AS region, ROUND(SUM(t.total), 2) AS total_sales
            FROM order_totals AS t
            JOIN branches AS b ON b.id = t.branch_id
            JOIN regions AS r ON r.id = b.region_id
            WHERE t.ordered_at >= '2025-01-01' AND t.ordered_at < '2026-01-01'
              AND t.status IN ('Completed', 'Shipped')
            GROUP BY r.name
            ORDER BY total_sales DESC
            """);
        output.WriteLine(Describe(rows));

        Assert.Equal(5, rows.Count);
        Assert.All(rows, row => Assert.True(Convert.ToDouble(row[1], CultureInfo.InvariantCulture) > 0));
    }

    private static async Task<List<object?[]>> QueryAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static async Task<long> ScalarAsync(string path, string sql) =>
        Convert.ToInt64((await QueryAsync(path, sql)).Single()[0], CultureInfo.InvariantCulture);

    /// <summary>A SHA-256 of every row of a table in key order: equal digests mean equal contents.</summary>
    private static async Task<string> DigestAsync(string path, string table)
    {
        var rows = await QueryAsync(path, $"SELECT * FROM {table} ORDER BY 1, 2");
        return $"{table}: {rows.Count} rows, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Describe(rows))))}";
    }

    private static string Describe(IEnumerable<object?[]> rows) =>
        string.Join("\n", rows.Select(row => string.Join(" | ", row.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture)))));
}
