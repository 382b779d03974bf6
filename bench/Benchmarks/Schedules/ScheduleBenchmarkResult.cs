namespace OrleansAssistant.Benchmarks.Schedules;

/// <param name="Lateness">How long after the due minute each notice was handed out, in milliseconds; null when none was.</param>
internal sealed record ScheduleBenchmarkResult(int Schedules, TimeSpan Creation, int Delivered, LatencySummary? Lateness)
{
    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Schedules due in the same minute on one silo (embedded storage, Template messages)");
        Console.WriteLine($"  schedules made:              {Schedules:N0} in {Creation.TotalSeconds:0.0} s ({Schedules / Creation.TotalSeconds:N0}/s)");
        Console.WriteLine($"  notices delivered:           {Delivered:N0} of {Schedules:N0}");
        if (Lateness is null) return;
        Console.WriteLine($"  last delivered after due:    {Lateness.Max / 1000:0.0} s");
        Console.WriteLine($"  after due p50 / p95:         {Lateness.P50 / 1000:0.0} s / {Lateness.P95 / 1000:0.0} s");
    }
}
