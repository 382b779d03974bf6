using System.Diagnostics;

namespace OrleansAssistant.Benchmarks;

/// <summary>Milliseconds since a <see cref="Stopwatch.GetTimestamp"/> value, without allocating a stopwatch per sample.</summary>
internal static class Timing
{
    public static double MillisecondsSince(long timestamp) => Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds;
}
