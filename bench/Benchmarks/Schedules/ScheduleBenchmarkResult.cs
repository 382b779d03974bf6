namespace OrleansAssistant.Benchmarks.Schedules;

/// <param name="Ran">Runs the ledger records as delivered; <paramref name="LastRun"/> is when the last one finished, after the due minute.</param>
/// <param name="Lateness">How long after the due minute each notice was handed out, in milliseconds; null when none was.</param>
internal sealed record ScheduleBenchmarkResult(int Schedules, TimeSpan Creation, int Ran, TimeSpan LastRun, int Delivered, LatencySummary? Lateness)
{
    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Schedules due in the same minute on one silo (embedded storage, Template messages)");
        Console.WriteLine($"  schedules made:              {Schedules:N0} in {Creation.TotalSeconds:0.0} s ({Schedules / Creation.TotalSeconds:N0}/s)");
        Console.WriteLine($"  runs delivered:              {Ran:N0} of {Schedules:N0}, the last {LastRun.TotalSeconds:0.0} s after due");
        Console.WriteLine($"  notices taken by a gateway:  {Delivered:N0} of {Schedules:N0} (report charts drawn as they are taken)");
        if (Lateness is null) return;
        Console.WriteLine($"  last notice taken after due: {Lateness.Max / 1000:0.0} s");
        Console.WriteLine($"  after due p50 / p95:         {Lateness.P50 / 1000:0.0} s / {Lateness.P95 / 1000:0.0} s");
    }
}
