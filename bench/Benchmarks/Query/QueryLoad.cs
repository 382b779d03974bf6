using System.Diagnostics;

namespace OrleansAssistant.Benchmarks.Query;

/// <summary>Times a number of queries, one after another or from several workers at once.</summary>
internal static class QueryLoad
{
    /// <param name="query">Runs query number i.</param>
    public static async Task<(double[] Latencies, double ElapsedMs)> SequentialAsync(int count, Func<int, Task> query, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var begin = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var call = Stopwatch.GetTimestamp();
            await query(i);
            latencies[i] = Timing.MillisecondsSince(call);
        }
        return (latencies, Timing.MillisecondsSince(begin));
    }

    /// <param name="query">Runs query number i on behalf of a worker (0 to workers - 1).</param>
    public static async Task<(double[] Latencies, double ElapsedMs)> ConcurrentAsync(int workers, int count, Func<int, int, Task> query, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var next = -1;
        var begin = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            // Workers take the next query number, so all stay busy until the last one is done.
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var call = Stopwatch.GetTimestamp();
                await query(worker, i);
                latencies[i] = Timing.MillisecondsSince(call);
            }
        }, cancellationToken)));
        return (latencies, Timing.MillisecondsSince(begin));
    }
}
