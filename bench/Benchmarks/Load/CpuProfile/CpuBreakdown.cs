namespace OrleansAssistant.Benchmarks.Load.CpuProfile;

/// <summary>Where the silos' CPU went in one step, per stage of a question, from on-CPU samples.</summary>
/// <param name="Problem">Why there is no breakdown (perf missing or refused), when there is none.</param>
internal sealed record CpuBreakdown(int Samples, IReadOnlyList<CpuStageShare> Stages, string? Problem = null)
{
    public static CpuBreakdown Unavailable(string problem) => new(0, [], problem);

    /// <param name="siloCpuMsPerAnswer">The step's measured silo CPU per answer, shared out by the stages' sample counts.</param>
    public static CpuBreakdown Of(IReadOnlyList<IReadOnlyList<string>> samples, double siloCpuMsPerAnswer)
    {
        if (samples.Count == 0) return Unavailable("perf took no samples of the silos in the step");
        var counts = samples.GroupBy(CpuStages.Of).ToDictionary(group => group.Key, group => group.Count());
        var stages = CpuStages.All
            .Select(stage => counts.GetValueOrDefault(stage))
            .Zip(CpuStages.All, (count, stage) => new CpuStageShare(stage, count,
                Math.Round(count * 100.0 / samples.Count, 1), Math.Round(siloCpuMsPerAnswer * count / samples.Count, 3)))
            .Where(share => share.Samples > 0)
            .OrderByDescending(share => share.Samples)
            .ToArray();
        return new CpuBreakdown(samples.Count, stages);
    }
}
