using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace OrleansAssistant.Benchmarks;

/// <summary>What the figures were measured on; numbers mean little without it.</summary>
internal sealed record Machine(
    int ProcessorCount,
    string Processor,
    string OperatingSystem,
    string Architecture,
    string Runtime,
    string GarbageCollector,
    string BuildConfiguration)
{
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        ProcessorModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC ? "server" : "workstation",
        typeof(Machine).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown");

    // Only Linux exposes the model name without extra packages; elsewhere it stays "unknown".
    private static string ProcessorModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo)) return "unknown";
        var line = File.ReadLines(cpuInfo).FirstOrDefault(text => text.StartsWith("model name", StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim() ?? "unknown";
    }
}
