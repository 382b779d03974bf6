namespace OrleansAssistant.Benchmarks.Load;

/// <summary>The counters read at a step's edge; a step's figures are the differences between its two edges.</summary>
/// <param name="At"><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the edge was read.</param>
/// <param name="SiloCpuTicks">utime + stime of all silos together, in /proc ticks.</param>
internal sealed record OpenLoopReading(
    long At, long SiloCpuTicks, long BenchCpuTicks, (long Busy, long Total) MachineTicks, int ModelRequests, long CommittedTransactions, IReadOnlyDictionary<string, long> AppRows)
{
    public static async Task<OpenLoopReading> ReadAsync(
        IReadOnlyList<int> siloProcessIds, Func<int> modelRequests, string appConnectionString, CancellationToken cancellationToken)
    {
        // The cheap counters first, at the edge itself; the database ones take a few milliseconds more.
        var at = System.Diagnostics.Stopwatch.GetTimestamp();
        var siloTicks = siloProcessIds.Sum(pid => ProcStat.CpuTicks(pid) ?? 0);
        var benchTicks = ProcStat.CpuTicks(Environment.ProcessId) ?? 0;
        var machine = ProcStat.MachineTicks();
        var model = modelRequests();
        var transactions = await AppTransactions.CommittedAsync(appConnectionString, cancellationToken);
        var rows = await AppDatabaseRows.CountAsync(appConnectionString, cancellationToken);
        return new OpenLoopReading(at, siloTicks, benchTicks, machine, model, transactions, rows);
    }
}
