using System.Globalization;
using OrleansAssistant.Benchmarks.Load;

namespace OrleansAssistant.Benchmarks.Reporting;

/// <summary>The load suite's tables: one block per run, then the matrix summary.</summary>
internal static partial class ReportPrinter
{
    public static void Print(LoadRunResult run)
    {
        var shape = run.Shape;
        Console.WriteLine($"Load, {shape.Users} simulated users through the bot gateway, {shape.Label}");
        Console.WriteLine($"  load average before {run.LoadAverageBefore}, after {run.LoadAverageAfter} (other work on the machine counts too)");
        Console.WriteLine(Invariant($"  set-up of this cluster's users through the bot {run.SetupSeconds:F1} s; measured window {run.WindowSeconds:F1} s"));
        var actions = new TextTable("action", "count", "done", "rate-limited", "failed", "timed out", "p50 ms", "p95 ms", "p99 ms", "max ms");
        foreach (var action in run.Actions)
        {
            var latency = action.LatencyMs;
            actions.Add(action.Action, Number(action.Count), Number(action.Done), Number(action.RateLimited), Number(action.Failed), Number(action.TimedOut),
                LatencyCell(latency?.P50), LatencyCell(latency?.P95), LatencyCell(latency?.P99), LatencyCell(latency?.Max));
        }
        actions.WriteTo(Console.Out);
        Console.WriteLine(Invariant($"  questions/s {run.QuestionsPerSecond:F2}; end-to-end p50/p95/p99 {Triple(run.EndToEndMs)} ms; overhead p50/p95/p99 {Triple(run.OverheadMs)} ms"));
        Console.WriteLine(Invariant($"  (model {run.ModelMsPerQuestion:F0} ms per question = {shape.ModelLatencyMs} ms × {run.ModelCallsPerQuestion:F2} calls; SQL alone p50 {run.SqlMs.P50:F2} ms)"));
        var processes = new TextTable("process", "CPU %", "RSS avg MB", "RSS peak MB");
        foreach (var process in run.Silos.Append(run.BenchProcess))
        {
            processes.Add(process.Process, Fixed(process.CpuPercent), Fixed(process.RssMbAverage), Fixed(process.RssMbPeak));
        }
        processes.WriteTo(Console.Out);
        Console.WriteLine(Invariant($"  machine busy {run.MachineBusyPercent:F0} % of all cores; CPU % is of one core"));
        Console.WriteLine(Invariant($"  memory per active user ≤ {run.RssKbPerActiveUser:F0} KB (RSS delta including the silos' warm-up, approximate)"));
        var rows = string.Join(", ", run.AppRowsWritten.Select(row => Invariant($"{row.Key} +{row.Value}")));
        Console.WriteLine(Invariant($"  app database: {rows} = {run.AppRowsPerSecond:F1} rows/s, {run.AppRowsPerQuestion:F1} per answered question"));
        foreach (var failure in run.FailureExamples) Console.WriteLine($"  failure: {failure}");
        Console.WriteLine();
    }

    public static void Print(LoadResult load)
    {
        Console.WriteLine("Load summary (silo CPU: all silos together, 100 % = one core; RSS: all silos; rows/s: app database)");
        var table = new TextTable("silos", "model ms", "customer db", "questions/s", "p50 ms", "p95 ms", "p99 ms", "p99 overhead ms",
            "silo CPU %", "silo RSS MB", "KB/idle grain", "rows/s", "refused", "errors", "load avg before");
        foreach (var run in load.Runs)
        {
            var errors = run.Actions.Sum(action => action.Failed + action.TimedOut);
            table.Add(Number(run.Shape.Silos), Number(run.Shape.ModelLatencyMs), run.Shape.CustomerDatabase.ToString().ToLowerInvariant(),
                Invariant($"{run.QuestionsPerSecond:F1}"), LatencyCell(run.EndToEndMs?.P50), LatencyCell(run.EndToEndMs?.P95), LatencyCell(run.EndToEndMs?.P99),
                LatencyCell(run.OverheadMs?.P99), Fixed(run.SiloCpuPercent), Fixed(run.SiloRssMb),
                run.RssKbPerIdleUserGrain is { } idle ? Fixed(idle) : "-", Fixed(run.AppRowsPerSecond),
                Number(run.Actions.Sum(action => action.RateLimited)), Number(errors), run.LoadAverageBefore);
        }
        table.WriteTo(Console.Out);
        foreach (var line in load.Method) Console.WriteLine($"  {line}");
        Console.WriteLine();
    }

    private static string Triple(LatencySummary? latency) =>
        latency is null ? "-" : Invariant($"{latency.P50:F0}/{latency.P95:F0}/{latency.P99:F0}");

    private static string LatencyCell(double? milliseconds) => milliseconds is { } value ? Ms(value) : "-";

    private static string Fixed(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
