namespace OrleansAssistant.Benchmarks.Load.CpuProfile;

/// <summary>
/// One step's recordings: the silos always; the benchmark's own process (where the bot gateway runs) when perf can name its
/// code, which needs the process started with <see cref="PerfRecording.SiloEnvironment"/>'s variables.
/// </summary>
internal sealed class StepProfile : IDisposable
{
    private readonly (PerfRecording? Recording, string? Unavailable) _silos;
    private readonly (PerfRecording? Recording, string? Unavailable) _benchmark;

    private StepProfile((PerfRecording?, string?) silos, (PerfRecording?, string?) benchmark)
    {
        _silos = silos;
        _benchmark = benchmark;
    }

    public static StepProfile Start(IReadOnlyList<int> siloProcessIds, TimeSpan length)
    {
        var silos = (PerfRecording.Start(siloProcessIds, length, out var siloProblem), siloProblem);
        var benchmark = PerfRecording.CanNameOwnCode
            ? (PerfRecording.Start([Environment.ProcessId], length, out var ownProblem), ownProblem)
            : ((PerfRecording?)null, $"start the benchmark with {string.Join(' ', PerfRecording.SiloEnvironment.Select(pair => $"{pair.Key}={pair.Value}"))} to see it");
        return new StepProfile(silos, benchmark);
    }

    /// <param name="siloMsPerAnswer">The step's silo CPU per answer, shared out by the silos' stages.</param>
    /// <param name="benchmarkMsPerAnswer">The benchmark process's CPU per answer, shared out by its stages.</param>
    public async Task<(CpuBreakdown Silos, CpuBreakdown Benchmark)> ReadAsync(double siloMsPerAnswer, double benchmarkMsPerAnswer,
        CancellationToken cancellationToken) =>
        (await BreakdownAsync(_silos, siloMsPerAnswer, CpuStages.Silo, cancellationToken),
         await BreakdownAsync(_benchmark, benchmarkMsPerAnswer, CpuStages.BenchmarkProcess, cancellationToken));

    public void Dispose()
    {
        _silos.Recording?.Dispose();
        _benchmark.Recording?.Dispose();
    }

    private static async Task<CpuBreakdown> BreakdownAsync((PerfRecording? Recording, string? Unavailable) taken, double msPerAnswer, CpuStages stages,
        CancellationToken cancellationToken)
    {
        if (taken.Recording is null) return CpuBreakdown.Unavailable(taken.Unavailable ?? "perf did not start");
        var (stacks, problem) = await taken.Recording.ReadAsync(cancellationToken);
        return problem is null ? CpuBreakdown.Of(stacks, msPerAnswer, stages) : CpuBreakdown.Unavailable(problem);
    }
}
