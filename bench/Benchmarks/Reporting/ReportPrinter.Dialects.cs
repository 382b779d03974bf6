using OrleansAssistant.Benchmarks.Query;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Reporting;

/// <summary>The demo's queries on SQLite and MySQL / MariaDB, side by side.</summary>
internal static partial class ReportPrinter
{
    public static void Print(IReadOnlyList<DialectQueryResult> dialects)
    {
        Console.WriteLine("Queries, GuardedQueryRunner.RunAsync on Demo Sales = limited session + run + rollback, one at a time (no silo, no guard)");
        var table = new TextTable("shape", "SQLite p50 ms", "SQLite p95 ms", "MySQL p50 ms", "MySQL p95 ms");
        foreach (var result in dialects)
        {
            table.Add(result.Shape, FineMs(result.Sqlite.P50), FineMs(result.Sqlite.P95),
                result.MySql is { } mySql ? FineMs(mySql.P50) : "skipped", result.MySql is { } same ? FineMs(same.P95) : "skipped");
        }
        table.WriteTo(Console.Out);
        if (dialects.Any(result => result.MySql is null))
        {
            Console.WriteLine($"  (MySQL column skipped: no server given; pass --mysql \"<connection string>\" or set {TestMariaDb.Variable})");
        }
        Console.WriteLine($"  ({dialects.FirstOrDefault()?.Sqlite.Count ?? 0} timed queries per cell after a warm-up; MySQL is the demo's rows copied into a database of its own)");
        Console.WriteLine();
    }
}
