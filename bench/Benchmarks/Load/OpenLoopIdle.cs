using System.Diagnostics;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>What the cluster spends with no question in flight: the floor under every step's per-answer figures.</summary>
internal sealed record OpenLoopIdle(double SiloCpuPercent, double TransactionsPerSecond)
{
    public static OpenLoopIdle Of(OpenLoopReading start, OpenLoopReading end)
    {
        var seconds = Stopwatch.GetElapsedTime(start.At, end.At).TotalSeconds;
        return new OpenLoopIdle(
            Math.Round((end.SiloCpuTicks - start.SiloCpuTicks) / ProcStat.TicksPerSecond * 100 / seconds, 1),
            Math.Round((end.CommittedTransactions - start.CommittedTransactions) / seconds, 1));
    }
}
