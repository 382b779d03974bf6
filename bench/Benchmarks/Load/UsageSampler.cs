namespace OrleansAssistant.Benchmarks.Load;

/// <summary>Samples the processes' CPU time and resident memory once a second while the load runs.</summary>
internal sealed class UsageSampler
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<(string Name, int ProcessId)> _processes;
    private readonly Dictionary<int, List<long>> _rss = [];
    private readonly Dictionary<int, long> _cpuAtStart = [];
    private (long Busy, long Total) _machineAtStart;
    private long _startedAt;

    public UsageSampler(IReadOnlyList<(string Name, int ProcessId)> processes)
    {
        _processes = processes;
        foreach (var (_, pid) in processes) _rss[pid] = [];
    }

    /// <summary>Total resident memory of the processes, averaged over three samples a second apart.</summary>
    public static async Task<double> SettledRssBytesAsync(IEnumerable<int> processIds, CancellationToken cancellationToken)
    {
        var ids = processIds.ToArray();
        var samples = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            samples.Add(ids.Sum(pid => ProcStat.ResidentBytes(pid) ?? 0));
            await Task.Delay(Interval, cancellationToken);
        }
        return samples.Average();
    }

    /// <summary>Samples until <paramref name="stop"/> is cancelled, then returns each process' figures and the machine's busy share.</summary>
    public async Task<(IReadOnlyList<ProcessUsage> Processes, double MachineBusyPercent)> RunAsync(CancellationToken stop)
    {
        _startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        _machineAtStart = ProcStat.MachineTicks();
        foreach (var (_, pid) in _processes) _cpuAtStart[pid] = ProcStat.CpuTicks(pid) ?? 0;
        try
        {
            while (true)
            {
                foreach (var (_, pid) in _processes)
                {
                    if (ProcStat.ResidentBytes(pid) is { } rss) _rss[pid].Add(rss);
                }
                await Task.Delay(Interval, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        var seconds = Timing.MillisecondsSince(_startedAt) / 1000;
        var machine = ProcStat.MachineTicks();
        var busy = (machine.Busy - _machineAtStart.Busy) * 100.0 / Math.Max(1, machine.Total - _machineAtStart.Total);
        var usages = _processes.Select(process =>
        {
            var cpuSeconds = ((ProcStat.CpuTicks(process.ProcessId) ?? _cpuAtStart[process.ProcessId]) - _cpuAtStart[process.ProcessId]) / ProcStat.TicksPerSecond;
            var rss = _rss[process.ProcessId].DefaultIfEmpty(0).ToArray();
            return new ProcessUsage(process.Name, process.ProcessId, Math.Round(cpuSeconds / seconds * 100, 1), Mb(rss.Average()), Mb(rss.Max()));
        }).ToArray();
        return (usages, Math.Round(busy, 1));
    }

    private static double Mb(double bytes) => Math.Round(bytes / (1024 * 1024), 1);
}
