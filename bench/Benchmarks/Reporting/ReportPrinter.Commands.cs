using System.Globalization;
using OrleansAssistant.Benchmarks.Load;

namespace OrleansAssistant.Benchmarks.Reporting;

/// <summary>The load suite's command throughput line.</summary>
internal static partial class ReportPrinter
{
    public static void Print(CommandBurstResult burst, int silos) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {silos} silo(s): {burst.CommandsPerSecond:F1} commands/s with {burst.Chats} chats at once ({burst.Commands} replies, {burst.Failed} without reply; " +
            $"reply p50 {burst.LatencyMs.P50:F1} ms, p99 {burst.LatencyMs.P99:F1} ms)"));
}
