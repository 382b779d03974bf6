using OrleansAssistant.TestSupport;
using System.Diagnostics;
using OrleansAssistant.TestSupport.Grains;

namespace OrleansAssistant.Benchmarks.Storage;

/// <summary>
/// Grain state writes through a started silo: each <see cref="ICounterGrain.Add"/> changes the state
/// and persists it, so its latency is one storage write plus the local grain call.
/// </summary>
internal static class StorageBenchmark
{
    public const int SequentialWrites = 500;
    public const int ConcurrentWrites = 2_000;
    public const int ConcurrentGrains = 200;
    public const int Concurrency = 32;
    private const int WarmUpWrites = 50;

    public static async Task<IReadOnlyList<StorageResult>> RunAsync(string backend, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        await using var silo = await InProcessSilo.StartAsync(settings);
        // A run-unique prefix also keeps string keys from looking like hex integer keys.
        var keyPrefix = $"bench-{Guid.NewGuid():N}";
        await WarmUpAsync(silo.Grains.GetGrain<ICounterGrain>($"{keyPrefix}-warm-up"));
        Console.WriteLine($"  {backend}: {SequentialWrites} sequential writes to one grain");
        var sequential = await SequentialAsync(backend, silo.Grains.GetGrain<ICounterGrain>($"{keyPrefix}-sequential"), cancellationToken);
        Console.WriteLine($"  {backend}: {ConcurrentWrites} writes over {ConcurrentGrains} grains, {Concurrency} at a time");
        var grains = Enumerable.Range(0, ConcurrentGrains).Select(i => silo.Grains.GetGrain<ICounterGrain>($"{keyPrefix}-concurrent-{i}")).ToArray();
        var concurrent = await ConcurrentAsync(backend, grains, cancellationToken);
        return [sequential, concurrent];
    }

    // Compiles the call and storage paths and fills the connection pool before anything is timed.
    private static async Task WarmUpAsync(ICounterGrain grain)
    {
        for (var i = 0; i < WarmUpWrites; i++) await grain.Add(1);
    }

    private static async Task<StorageResult> SequentialAsync(string backend, ICounterGrain grain, CancellationToken cancellationToken)
    {
        await grain.Get(); // activation reads the state; only writes are timed
        var latencies = new double[SequentialWrites];
        var begin = Stopwatch.GetTimestamp();
        for (var i = 0; i < latencies.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var call = Stopwatch.GetTimestamp();
            await grain.Add(1);
            latencies[i] = Timing.MillisecondsSince(call);
        }
        var elapsed = Timing.MillisecondsSince(begin);
        await ExpectTotalAsync([grain], SequentialWrites);
        return StorageResult.From(backend, "sequential, 1 grain", grains: 1, concurrency: 1, latencies, elapsed);
    }

    private static async Task<StorageResult> ConcurrentAsync(string backend, ICounterGrain[] grains, CancellationToken cancellationToken)
    {
        // Activation reads the state; as many at a time as the timed phase, so a server's connection limit
        // (PostgreSQL's default 100 is the size of Npgsql's default pool) is not exceeded before timing starts.
        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (grain, _) => await grain.Get());
        var latencies = new double[ConcurrentWrites];
        var next = -1;
        var begin = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            // Workers take the next write number, so consecutive writes go to different grains.
            for (var i = Interlocked.Increment(ref next); i < latencies.Length; i = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var call = Stopwatch.GetTimestamp();
                await grains[i % grains.Length].Add(1);
                latencies[i] = Timing.MillisecondsSince(call);
            }
        }, cancellationToken)));
        var elapsed = Timing.MillisecondsSince(begin);
        await ExpectTotalAsync(grains, ConcurrentWrites);
        return StorageResult.From(backend, $"concurrent, {grains.Length} grains", grains.Length, Concurrency, latencies, elapsed);
    }

    // A figure for writes that did not all happen would be meaningless.
    private static async Task ExpectTotalAsync(IEnumerable<ICounterGrain> grains, int expected)
    {
        var total = (await Task.WhenAll(grains.Select(grain => grain.Get()))).Sum();
        if (total != expected) throw new InvalidOperationException($"Expected {expected} counted writes, found {total}.");
    }
}
