using OrleansAssistant.Benchmarks.Load;
using OrleansAssistant.Benchmarks.Load.CpuProfile;

namespace OrleansAssistant.Benchmarks.Reporting;

/// <summary>The open loop's table: one row per arrival rate, then the saturation line.</summary>
internal static partial class ReportPrinter
{
    public static void Print(OpenLoopResult result)
    {
        var shape = result.Shape;
        Console.WriteLine();
        Console.WriteLine($"Open loop, {shape.Users} simulated users through the bot gateway, {shape.Label}");
        Console.WriteLine(Invariant($"  users set up through the grains in {result.SetupSeconds:F1} s; warm-up {result.WarmUpSeconds} s; SQL alone p50 {result.SqlMs.P50:F2} ms"));
        Console.WriteLine(Invariant($"  idle cluster before the first arrival: {result.Idle.SiloCpuPercent:F1} % silo CPU, {result.Idle.TransactionsPerSecond:F1} app transactions/s (in every step too)"));
        var table = new TextTable("rate q/s", "offered q/s", "answered q/s", "open at end", "p50 ms", "p95 ms", "p99 ms", "overhead p50/p95/p99 ms",
            "model calls", "silo CPU ms/ans", "silo CPU %", "bench CPU %", "machine %", "xact/ans", "rows/ans", "refused", "failed", "timed out", "unserved");
        foreach (var step in result.Steps)
        {
            table.Add(Number(step.Rate), Fixed(step.OfferedPerSecond), Fixed(step.AnsweredPerSecond), Number(step.OpenAtEnd),
                LatencyCell(step.EndToEndMs?.P50), LatencyCell(step.EndToEndMs?.P95), LatencyCell(step.EndToEndMs?.P99), Triple(step.OverheadMs),
                Invariant($"{step.ModelCallsPerAnswer:F2}"), Invariant($"{step.SiloCpuMsPerAnswer:F2}"), Fixed(step.SiloCpuPercent), Fixed(step.BenchCpuPercent),
                Fixed(step.MachineBusyPercent), Invariant($"{step.AppTransactionsPerAnswer:F2}"), Invariant($"{step.AppRowsPerAnswer:F2}"),
                Number(step.RateLimited), Number(step.Failed), Number(step.TimedOut), Number(step.Unserved));
        }
        table.WriteTo(Console.Out);
        foreach (var step in result.Steps.Where(step => step.Cpu is not null))
        {
            PrintCpu(step.Rate, "the silos", step.Cpu!, step.SiloCpuMsPerAnswer);
            PrintCpu(step.Rate, "the benchmark process (bot gateway, fakes, users)", step.BenchmarkCpu!, step.BenchCpuMsPerAnswer);
        }
        if (result.StoppedEarly is { } reason) Console.WriteLine($"  ramp stopped {reason}");
        Console.WriteLine(result.Saturation is { } saturation
            ? Invariant($"  saturation: {saturation.Rate} questions/s offered ({saturation.AnsweredPerSecond:F1} answered/s), p99 overhead {saturation.OverheadMs!.P99:F0} ms, {saturation.SiloCpuMsPerAnswer:F2} silo CPU ms and {saturation.AppTransactionsPerAnswer:F2} app transactions per answer")
            : Invariant($"  saturation: below the first step (no step had p99 overhead < {OpenLoopStep.OverheadP99LimitMs:0} ms without errors)"));
        foreach (var failure in result.FailureExamples) Console.WriteLine($"  failure: {failure}");
        foreach (var line in OpenLoopSuite.Method) Console.WriteLine($"  {line}");
        Console.WriteLine();
    }

    private static void PrintCpu(int rate, string processes, CpuBreakdown cpu, double msPerAnswer)
    {
        if (cpu.Problem is { } problem)
        {
            Console.WriteLine($"  CPU of {processes} by stage at {rate} questions/s: none ({problem})");
            return;
        }
        Console.WriteLine(Invariant($"  CPU of {processes} by stage at {rate} questions/s ({cpu.Samples:N0} samples; {msPerAnswer:F2} ms per answer in all):"));
        var table = new TextTable("stage", "ms / answer", "% of its CPU");
        foreach (var stage in cpu.Stages) table.Add(stage.Stage, Invariant($"{stage.MsPerAnswer:F3}"), Invariant($"{stage.Percent:F1}"));
        table.WriteTo(Console.Out);
    }
}
