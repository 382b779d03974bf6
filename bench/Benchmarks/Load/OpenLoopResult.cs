namespace OrleansAssistant.Benchmarks.Load;

/// <summary>The open-loop ramp: its steps, and the highest one sustained.</summary>
/// <param name="SetupSeconds">Registering the users, adding and selecting their databases, through the grains.</param>
/// <param name="Idle">The cluster before the first arrival: what it does on its own.</param>
/// <param name="StoppedEarly">Why the ramp ended before its last rate, if it did.</param>
internal sealed record OpenLoopResult(
    LoadRunShape Shape,
    double SetupSeconds,
    int WarmUpSeconds,
    LatencySummary SqlMs,
    OpenLoopIdle Idle,
    IReadOnlyList<OpenLoopStep> Steps,
    string? StoppedEarly,
    IReadOnlyList<string> FailureExamples)
{
    /// <summary>The highest step with p99 overhead under the limit and no errors; null when none was.</summary>
    public OpenLoopStep? Saturation => Steps.Where(step => step.Sustained).MaxBy(step => step.Rate);
}
