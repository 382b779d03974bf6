using System.Collections.Concurrent;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// Every simulated user in a loop of think, act, wait for the reply, from a random start so they do not act in step.
/// Only actions started inside the measured window count; the warm-up before it fills pools, caches and the JIT.
/// </summary>
internal static class LoadDriver
{
    /// <summary>Long enough for every user to have acted at least once before anything is counted.</summary>
    public static readonly TimeSpan WarmUp = LoadMix.ThinkMax;

    /// <returns>Every action, and those started inside the measured window.</returns>
    public static async Task<(IReadOnlyList<ActionSample> All, IReadOnlyList<ActionSample> InWindow)> RunAsync(
        IReadOnlyList<SimulatedUser> users, TimeSpan patience, Func<Task> measure, CancellationToken cancellationToken)
    {
        var samples = new ConcurrentBag<ActionSample>();
        using var stopActing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = users.Select(user => Task.Run(() => ActAsync(user, patience, samples, stopActing.Token), CancellationToken.None)).ToArray();

        await Task.Delay(WarmUp, cancellationToken);
        var windowStart = System.Diagnostics.Stopwatch.GetTimestamp();
        await measure();
        var windowEnd = System.Diagnostics.Stopwatch.GetTimestamp();
        await stopActing.CancelAsync();
        // Actions under way finish (each bounded by the patience), so none is cut off mid-flight.
        await Task.WhenAll(running);
        return ([.. samples], [.. samples.Where(sample => sample.StartedAt >= windowStart && sample.StartedAt < windowEnd)]);
    }

    private static async Task ActAsync(SimulatedUser user, TimeSpan patience, ConcurrentBag<ActionSample> samples, CancellationToken stop)
    {
        var random = new Random(unchecked((int)user.Id));
        try
        {
            await Task.Delay(LoadMix.ThinkMax * random.NextDouble(), stop);
            while (!stop.IsCancellationRequested)
            {
                samples.Add(await user.PerformAsync(LoadMix.Pick(random), random, patience));
                await Task.Delay(LoadMix.Think(random), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
