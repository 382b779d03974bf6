namespace OrleansAssistant.Hosting.Resilience;

/// <summary>Exponential waits with jitter, so gateways retrying at once do not hit the cluster in step.</summary>
public static class ClusterBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(4);

    /// <summary>The wait before retry <paramref name="attempt"/> (1 = first retry): between half and all of 250 ms × 2^(attempt−1), at most 4 s.</summary>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Delay(int attempt, double random)
    {
        var exponent = Math.Min(attempt - 1, 10);
        var full = Math.Min(First.TotalMilliseconds * Math.Pow(2, exponent), Longest.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full * (0.5 + random / 2));
    }
}
