namespace OrleansAssistant.Benchmarks.Load.CpuProfile;

/// <summary>Where one kind of process's CPU went in one step, per stage of a question, from on-CPU samples.</summary>
/// <param name="Problem">Why there is no breakdown (perf missing or refused), when there is none.</param>
internal sealed record CpuBreakdown(int Samples, IReadOnlyList<CpuStageShare> Stages, string? Problem = null)
{
    public static CpuBreakdown Unavailable(string problem) => new(0, [], problem);

    /// <param name="cpuMsPerAnswer">The step's measured CPU per answer of these processes, shared out by the stages' sample counts.</param>
    public static CpuBreakdown Of(IReadOnlyList<IReadOnlyList<string>> samples, double cpuMsPerAnswer, CpuStages stages)
    {
        if (samples.Count == 0) return Unavailable("perf took no samples in the step");
        var counts = samples.GroupBy(stages.Of).ToDictionary(group => group.Key, group => group.Count());
        var shares = stages.All
            .Select(stage => new CpuStageShare(stage, counts.GetValueOrDefault(stage),
                Math.Round(counts.GetValueOrDefault(stage) * 100.0 / samples.Count, 1),
                Math.Round(cpuMsPerAnswer * counts.GetValueOrDefault(stage) / samples.Count, 3)))
            .Where(share => share.Samples > 0)
            .OrderByDescending(share => share.Samples)
            .ToArray();
        return new CpuBreakdown(samples.Count, shares);
    }
}
