namespace OrleansAssistant.Benchmarks.Load;

/// <summary>CPU and memory of one process over the load window.</summary>
/// <param name="CpuPercent">Of one core: 200 means two cores fully busy.</param>
internal sealed record ProcessUsage(string Process, int ProcessId, double CpuPercent, double RssMbAverage, double RssMbPeak);
