using System.Diagnostics;
using OrleansAssistant.Grains.VerifiedQueries.Ranking;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Benchmarks.Verified;

/// <summary>
/// Finding the verified examples for a question in one database's library: builds an <see cref="ExampleIndex"/> of
/// generated business questions, then times lookups (a fifth of them exact repeats of library questions, the rest new
/// questions from the same vocabulary) and prints the latency percentiles, the build time and the index's memory.
/// With <c>--dimensions N</c> every example and question also carries an N-long embedding (the ranking fuses both).
/// </summary>
internal static class RetrievalSuite
{
    private const int WarmUpLookups = 300;

    public static void Run(RetrievalOptions options)
    {
        var library = new BusinessQuestions(seed: 1).Take(options.Examples);
        var vectors = options.Dimensions > 0 ? library.Select(question => FakeEmbeddings.VectorOf(question, options.Dimensions)).ToArray() : null;

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var building = Stopwatch.GetTimestamp();
        var index = new ExampleIndex();
        for (var i = 0; i < library.Length; i++) index.Upsert(i + 1, library[i], vectors?[i]);
        var buildMilliseconds = Timing.MillisecondsSince(building);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(vectors); // counted before the build, so only the index's own copies count as its memory

        var lookups = Lookups(library, options.Lookups + WarmUpLookups);
        var lookupVectors = options.Dimensions > 0 ? lookups.Select(question => FakeEmbeddings.VectorOf(question, options.Dimensions)).ToArray() : null;
        var timings = new double[options.Lookups];
        var found = 0;
        var processorTime = TimeSpan.Zero;
        for (var i = 0; i < lookups.Length; i++)
        {
            if (i == WarmUpLookups) processorTime = Environment.CpuUsage.TotalTime;
            var started = Stopwatch.GetTimestamp();
            var hits = index.Search(lookups[i], lookupVectors?[i], options.Count);
            var elapsed = Timing.MillisecondsSince(started);
            if (i < WarmUpLookups) continue;
            timings[i - WarmUpLookups] = elapsed;
            if (hits.Count > 0) found++;
        }

        // On a shared machine the wall-clock tail includes time the thread waited for a core; CPU time per lookup does not.
        var processorPerLookup = (Environment.CpuUsage.TotalTime - processorTime).TotalMilliseconds / options.Lookups;
        var summary = LatencySummary.Of(timings);
        var mode = options.Dimensions > 0 ? $"words + {options.Dimensions}-long embeddings" : "words only";
        Console.WriteLine($"Verified-example retrieval ({mode}): {index.Count:#,0} examples, {options.Lookups:#,0} lookups of the best {options.Count}");
        Console.WriteLine($"  index build      {buildMilliseconds,10:#,0.0} ms ({buildMilliseconds * 1000 / library.Length:0.0} µs per example)");
        Console.WriteLine($"  index memory     {retained / 1048576.0,10:#,0.0} MB ({retained / (double)library.Length:#,0} bytes per example)");
        Console.WriteLine($"  lookup p50       {summary.P50,10:0.000} ms");
        Console.WriteLine($"  lookup p95       {summary.P95,10:0.000} ms   (target < 5 ms)");
        Console.WriteLine($"  lookup p99       {summary.P99,10:0.000} ms");
        Console.WriteLine($"  lookup max       {summary.Max,10:0.000} ms");
        Console.WriteLine($"  CPU per lookup   {processorPerLookup,10:0.000} ms (mean, process CPU time over the lookups)");
        Console.WriteLine($"  lookups with a hit {found:#,0} of {options.Lookups:#,0}");
        GC.KeepAlive(index);
    }

    // One in five repeats a library question word for word; the rest are new questions of the same kind.
    private static string[] Lookups(string[] library, int count)
    {
        var random = new Random(2);
        var fresh = new BusinessQuestions(seed: 3);
        var lookups = new string[count];
        for (var i = 0; i < count; i++) lookups[i] = random.Next(5) == 0 ? library[random.Next(library.Length)] : fresh.Next();
        return lookups;
    }

    private static string[] Take(this BusinessQuestions questions, int count)
    {
        var result = new string[count];
        for (var i = 0; i < count; i++) result[i] = questions.Next();
        return result;
    }
}
