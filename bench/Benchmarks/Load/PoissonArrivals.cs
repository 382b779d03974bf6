namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// Arrival times of a Poisson process: exponential gaps with mean 1/rate, from a seeded generator so two runs
/// offer the same sequence. The rate may change between arrivals (a ramp's next step).
/// </summary>
internal sealed class PoissonArrivals(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>The gap to the next arrival at <paramref name="perSecond"/> arrivals a second.</summary>
    public TimeSpan NextGap(double perSecond) =>
        // 1 − U lies in (0, 1], so the logarithm is finite.
        TimeSpan.FromSeconds(-Math.Log(1 - _random.NextDouble()) / perSecond);

    public string Question() => LoadMix.Question(_random);
}
