using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Rendering.Charts;
using OrleansAssistant.Rendering.Exports;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Charts;

/// <summary>
/// Chart rendering per kind at 100 and 10,000 points, and export writing of 50,000 rows × 10 columns per
/// format; prints the figures. With <c>--save-chart &lt;file&gt;</c> it also saves the product's chart of
/// monthly revenue in the "Demo Sales" database (the picture in the README).
/// </summary>
internal static class ChartsSuite
{
    private const int Rounds = 20;

    private const string MonthlyRevenueSql = """
        SELECT substr(o.ordered_at, 1, 7) || '-01' AS month,
               round(sum(l.quantity * l.unit_price_cents * (100 - l.discount_percent) / 100.0) / 100.0, 2) AS revenue
          FROM orders o JOIN order_lines l ON l.order_id = o.id
         WHERE o.status IN ('Completed', 'Shipped')
         GROUP BY month ORDER BY month
        """;

    public static async Task RunAsync(string? saveChartTo, CancellationToken cancellationToken)
    {
        Console.WriteLine("Chart rendering (1280×720 PNG), p50 / p95 over 20 renders:");
        Console.WriteLine($"  {"kind",-6} {"points",8} {"p50 ms",8} {"p95 ms",8} {"PNG KB",8}");
        foreach (var (name, rows, question) in ChartCases())
        {
            var plan = ChartChoice.Decide(rows, question);
            var (timings, size) = Measure(() => ChartRenderer.Render(rows, plan, question).Png.Length);
            var summary = LatencySummary.Of(timings);
            Console.WriteLine($"  {name,-6} {rows.Rows.Count,8:#,0} {summary.P50,8:0.0} {summary.P95,8:0.0} {size / 1024.0,8:0.0}");
        }

        Console.WriteLine();
        var wide = WideRows(50_000, 10);
        Console.WriteLine("Exports of 50,000 rows × 10 columns, p50 / p95 over 5 writes:");
        Console.WriteLine($"  {"format",-6} {"p50 ms",8} {"p95 ms",8} {"MB",8}");
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            var (timings, size) = Measure(() => WriteAsync(wide, format, cancellationToken).GetAwaiter().GetResult(), rounds: 5);
            var summary = LatencySummary.Of(timings);
            Console.WriteLine($"  {format,-6} {summary.P50,8:0} {summary.P95,8:0} {size / 1048576.0,8:0.00}");
        }

        if (saveChartTo is not null) await SaveDemoChartAsync(saveChartTo, cancellationToken);
    }

    private static IEnumerable<(string Name, QueryResult Rows, string Question)> ChartCases()
    {
        foreach (var points in new[] { 100, 10_000 })
        {
            yield return ("line", Series(points), "Revenue per day");
            yield return ("bar", Categories(Math.Min(points, ChartChoice.MaxCategories)), "Revenue per region");
            yield return ("pie", Categories(Math.Min(points, ChartChoice.MaxCategories)), "Share of revenue per region");
        }
    }

    private static (List<double> Timings, long LastSize) Measure(Func<long> work, int rounds = Rounds)
    {
        work(); // warm-up: fonts, JIT
        var timings = new List<double>();
        long size = 0;
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            size = work();
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (timings, size);
    }

    private static async Task<long> WriteAsync(QueryResult rows, ExportFormat format, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await ResultExport.WriteAsync(rows, format, buffer, cancellationToken);
        return buffer.Length;
    }

    private static async Task SaveDemoChartAsync(string path, CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        var database = Path.Combine(folder.Path, "demo-sales.db");
        await DemoSalesDatabase.EnsureCreatedAsync(database, cancellationToken);
        try
        {
            // The product's own guarded path, as a question's SQL takes it.
            var rows = await GuardedQueryRunner.RunAsync(CustomerDatabaseDriver.For(DatabaseProvider.Sqlite), $"Data Source={database}",
                MonthlyRevenueSql, isWrite: false, QueryLimits.Default, cancellationToken);
            const string question = "What was our revenue by month?";
            var chart = ChartRenderer.Render(rows, ChartChoice.Decide(rows, question), question);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllBytesAsync(path, chart.Png, cancellationToken);
            Console.WriteLine($"\nSaved the {chart.Kind} chart of \"{question}\" on the demo database ({rows.Rows.Count} months, {chart.Png.Length / 1024} KB) to {path}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static QueryResult Series(int points)
    {
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return Result([new("day", ValueKind.DateTime), new("revenue", ValueKind.Decimal)], Enumerable.Range(0, points).Select(day =>
            (IReadOnlyList<string?>)[start.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                (5000 + 1500 * Math.Sin(day / 30.0) + day % 17 * 40).ToString("0.00", CultureInfo.InvariantCulture)]));
    }

    private static QueryResult Categories(int count) =>
        Result([new("region", ValueKind.Text), new("revenue", ValueKind.Decimal)], Enumerable.Range(1, count).Select(index =>
            (IReadOnlyList<string?>)[$"Region {index}", (index * 12_345.67).ToString("0.00", CultureInfo.InvariantCulture)]));

    private static QueryResult WideRows(int rows, int columns)
    {
        ResultColumn[] header = [.. Enumerable.Range(0, columns).Select(column => new ResultColumn($"column_{column}",
            (column % 4) switch { 0 => ValueKind.Integer, 1 => ValueKind.Decimal, 2 => ValueKind.DateTime, _ => ValueKind.Text }))];
        return Result(header, Enumerable.Range(0, rows).Select(row => (IReadOnlyList<string?>)[.. header.Select((column, index) => column.Kind switch
        {
            ValueKind.Integer => (row * 7 + index).ToString(CultureInfo.InvariantCulture),
            ValueKind.Decimal => (row * 1.25m).ToString(CultureInfo.InvariantCulture),
            ValueKind.DateTime => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(row).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            _ => $"text {row}, \"quoted\"",
        })]));
    }

    private static QueryResult Result(IReadOnlyList<ResultColumn> columns, IEnumerable<IReadOnlyList<string?>> rows) =>
        new(QueryOutcome.Succeeded, null, columns, [.. rows], false, null, TimeSpan.Zero);
}
