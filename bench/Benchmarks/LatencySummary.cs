namespace OrleansAssistant.Benchmarks;

/// <summary>Order statistics of a set of timings, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double Min, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("At least one timing is needed.", nameof(milliseconds));
        return new LatencySummary(sorted.Length, Round(sorted[0]), Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), Round(sorted[^1]));
    }

    // Nearest rank: the smallest sample with at least p% of all samples at or below it (a real, observed value).
    private static double Percentile(double[] sorted, double percent) =>
        Round(sorted[Math.Max(0, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)]);

    private static double Round(double milliseconds) => Math.Round(milliseconds, 3);
}
