namespace OrleansAssistant.Benchmarks.Load;

/// <summary>What was read at the edges of the measured window (and of the run), and the usage sampled inside it.</summary>
internal sealed class LoadWindow
{
    public Dictionary<string, long> RowsBefore { get; set; } = [];
    public Dictionary<string, long> RowsAfter { get; set; } = [];
    // Model calls are counted over the whole run, warm-up included, with the questions answered in it:
    // a window's edges would cut questions off from their calls.
    public int ModelCallsBefore { get; set; }
    public int ModelCallsAfter { get; set; }
    public int AnsweredInRun { get; set; }
    public double Seconds { get; set; }
    public (IReadOnlyList<ProcessUsage> Processes, double MachineBusyPercent) Usage { get; set; }
}
