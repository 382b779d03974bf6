namespace OrleansAssistant.Benchmarks.Load;

/// <summary>How one kind of action went in the window; latency over the completed ones.</summary>
internal sealed record ActionResult(string Action, int Count, int Done, int RateLimited, int Failed, int TimedOut, LatencySummary? LatencyMs)
{
    public static ActionResult From(UserAction action, IReadOnlyList<ActionSample> samples)
    {
        var done = samples.Where(sample => sample.Outcome == ActionOutcome.Done).Select(sample => sample.EndToEndMs).ToArray();
        return new ActionResult(action.ToString(), samples.Count, done.Length,
            samples.Count(sample => sample.Outcome == ActionOutcome.RateLimited),
            samples.Count(sample => sample.Outcome == ActionOutcome.Failed),
            samples.Count(sample => sample.Outcome == ActionOutcome.TimedOut),
            done.Length == 0 ? null : LatencySummary.Of(done));
    }
}
