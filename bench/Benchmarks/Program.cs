using OrleansAssistant.Benchmarks;
using OrleansAssistant.Benchmarks.Budgets;
using OrleansAssistant.Benchmarks.Charts;
using OrleansAssistant.Benchmarks.Dashboard;
using OrleansAssistant.Benchmarks.Load;
using OrleansAssistant.Benchmarks.Pipeline;
using OrleansAssistant.Benchmarks.Query;
using OrleansAssistant.Benchmarks.Reporting;
using OrleansAssistant.Benchmarks.Rows;
using OrleansAssistant.Benchmarks.Schedules;
using OrleansAssistant.Benchmarks.SchemaLinking;
using OrleansAssistant.Benchmarks.Startup;
using OrleansAssistant.Benchmarks.Storage;
using OrleansAssistant.Benchmarks.Verified;
using OrleansAssistant.TestSupport;

if (args.Length > 0 && args[0].Equals(nameof(Suite.Retrieval), StringComparison.OrdinalIgnoreCase))
{
    // In-process CPU work with options of its own: its own short report, no silo, nothing written to the results file.
    try
    {
        var retrieval = RetrievalOptions.Parse(args[1..]);
        ReportPrinter.Print(Machine.Describe());
        RetrievalSuite.Run(retrieval);
        return 0;
    }
    catch (ArgumentException error)
    {
        Console.Error.WriteLine(error.Message);
        return 2;
    }
}

if (args.Length > 0 && args[0].Equals(SchemaLinkingOptions.Command, StringComparison.OrdinalIgnoreCase))
{
    // In-process CPU work on files given as arguments (the repository keeps no copy of the data): its own report, no silo.
    try
    {
        var linking = SchemaLinkingOptions.Parse(args[1..]);
        ReportPrinter.Print(Machine.Describe());
        await SchemaLinkingSuite.RunAsync(linking);
        return 0;
    }
    catch (Exception error) when (error is ArgumentException or InvalidDataException)
    {
        Console.Error.WriteLine(error.Message);
        return 2;
    }
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

// A hard stop well above the expected ~3 minutes (plus a few for the dashboard suite's million-row ledger),
// so a hung silo cannot keep the run going.
// The load matrix is twelve runs on three clusters: about 15 minutes.
// The open loop: set-up, warm-up and its steps, plus the last questions' patience.
using var stop = new CancellationTokenSource(options.Includes(Suite.Load) && options.Load.OpenLoop
    ? TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(options.Load.WarmUpSeconds + options.Load.Rates.Count * options.Load.StepSeconds)
    : TimeSpan.FromMinutes(options.Includes(Suite.Load) ? (options.Load.Matrix ? 45 : 8)
        : options.Includes(Suite.Dashboard) ? 20 : options.Suite == Suite.Schedules ? 16 : 6));
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    stop.Cancel();
};

if (options.Suite == Suite.Charts)
{
    // In-process CPU work only: its own short report, no silo, nothing written to the results file.
    ReportPrinter.Print(Machine.Describe());
    await ChartsSuite.RunAsync(options.SaveChartTo, stop.Token);
    return 0;
}

if (options.Suite == Suite.Verified)
{
    // Its own short report, nothing written to the results file (like charts).
    ReportPrinter.Print(Machine.Describe());
    Console.WriteLine("Measuring verified answers against an empty library...");
    VerifiedBenchmarkReport.Print(await VerifiedBenchmark.RunAsync(options.Verified, stop.Token), options.Verified);
    return 0;
}

if (options.Suite == Suite.Schedules)
{
    // Its own short report, nothing written to the results file (like charts).
    ReportPrinter.Print(Machine.Describe());
    Console.WriteLine("Measuring schedules due in the same minute...");
    (await ScheduleBenchmark.RunAsync(options.ScheduleCount, stop.Token)).Print();
    return 0;
}

if (options.Suite == Suite.Budgets)
{
    // Its own short report, nothing written to the results file (like charts).
    ReportPrinter.Print(Machine.Describe());
    Console.WriteLine("Measuring one organization's budget...");
    (await BudgetBenchmark.RunAsync(20_000, stop.Token)).Print();
    return 0;
}

if (options.Suite == Suite.Rows)
{
    // In-process, its own short report (like charts).
    ReportPrinter.Print(Machine.Describe());
    await RowsTextBenchmark.RunAsync(stop.Token);
    return 0;
}

var startedAt = DateTimeOffset.UtcNow;
var machine = Machine.Describe();
ReportPrinter.Print(machine);

StartupResult? startup = null;
if (options.Includes(Suite.Startup))
{
    Console.WriteLine("Measuring start-up...");
    startup = await StartupBenchmark.RunAsync(stop.Token);
    Console.WriteLine();
    ReportPrinter.Print(startup);
}

var storage = new List<StorageResult>();
var notRun = new List<string>();
if (options.Includes(Suite.Storage))
{
    Console.WriteLine("Measuring grain storage...");
    storage.AddRange(await StorageSuite.RunSqliteAsync(stop.Token));
    if (options.PostgresServer is { } server)
    {
        storage.AddRange(await StorageSuite.RunPostgresAsync(server, stop.Token));
    }
    else
    {
        notRun.Add($"storage on PostgreSQL: not run (pass --postgres \"<connection string>\" or set {TestPostgres.Variable})");
    }
    Console.WriteLine();
    ReportPrinter.Print(storage);
}

IReadOnlyList<QueryLatencyResult> queries = [];
if (options.Includes(Suite.Query))
{
    Console.WriteLine("Measuring guarded queries on the demo database...");
    queries = await QuerySuite.RunAsync(stop.Token);
    Console.WriteLine();
    ReportPrinter.Print(queries);
    Console.WriteLine(options.MySqlServer is null
        ? "Measuring the demo's queries on SQLite (MySQL skipped: no server given)..."
        : "Measuring the demo's queries on SQLite and on a MySQL / MariaDB copy...");
    ReportPrinter.Print(await DialectQueryComparison.RunAsync(options.MySqlServer, stop.Token));
    if (options.MySqlServer is null)
    {
        notRun.Add($"query on MySQL: not run (pass --mysql \"<connection string>\" or set {TestMariaDb.Variable})");
    }
}

PipelineResult? pipeline = null;
if (options.Includes(Suite.Pipeline))
{
    Console.WriteLine("Measuring the question pipeline with an instant model...");
    pipeline = await PipelineSuite.RunAsync(stop.Token);
    Console.WriteLine();
    ReportPrinter.Print(pipeline);
}

DashboardResult? dashboard = null;
if (options.Includes(Suite.Dashboard))
{
    if (options.PostgresServer is { } server)
    {
        Console.WriteLine("Measuring the dashboard's cost reports on a million-row PostgreSQL ledger...");
        dashboard = await DashboardSuite.RunAsync(server, stop.Token);
        Console.WriteLine();
        ReportPrinter.Print(dashboard);
    }
    else
    {
        notRun.Add($"dashboard: not run (it needs PostgreSQL: pass --postgres \"<connection string>\" or set {TestPostgres.Variable})");
    }
}

LoadResult? load = null;
OpenLoopResult? openLoop = null;
if (options.Includes(Suite.Load))
{
    if (options.PostgresServer is { } openLoopServer && options.Load.OpenLoop)
    {
        Console.WriteLine("Measuring questions offered at fixed arrival rates to silo processes on PostgreSQL...");
        openLoop = await OpenLoopSuite.RunAsync(options.Load, openLoopServer, stop.Token);
        ReportPrinter.Print(openLoop);
    }
    else if (options.PostgresServer is { } server)
    {
        Console.WriteLine("Measuring simulated bot users against silo processes on PostgreSQL...");
        load = await LoadSuite.RunAsync(options.Load, server, stop.Token);
        ReportPrinter.Print(load);
    }
    else
    {
        notRun.Add($"load: not run (its cluster needs PostgreSQL: pass --postgres \"<connection string>\" or set {TestPostgres.Variable})");
    }
}

foreach (var line in notRun) Console.WriteLine(line);
var report = new BenchReport(startedAt, options.Suite.ToString().ToLowerInvariant(), machine, startup, storage, queries, pipeline, dashboard, notRun, load, openLoop);
Console.WriteLine($"Results written to {await ReportFile.WriteAsync(report, stop.Token)}");
return 0;
