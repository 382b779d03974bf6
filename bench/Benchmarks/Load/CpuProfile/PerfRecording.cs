using System.Diagnostics;
using System.Globalization;

namespace OrleansAssistant.Benchmarks.Load.CpuProfile;

/// <summary>
/// On-CPU call stacks of some processes over one step, taken by Linux <c>perf</c> at <see cref="SamplesPerSecond"/>. The silos
/// are started with <see cref="SiloEnvironment"/> so that perf can name JIT-compiled methods.
/// </summary>
internal sealed class PerfRecording : IDisposable
{
    public const int SamplesPerSecond = 499;

    /// <summary>A map of JIT-compiled code for perf, and code pages mapped once (perf cannot name code that W^X maps twice).</summary>
    public static IReadOnlyDictionary<string, string> SiloEnvironment { get; } = new Dictionary<string, string>
    {
        ["DOTNET_PerfMapEnabled"] = "3",
        ["DOTNET_EnableWriteXorExecute"] = "0",
    };

    /// <summary>Whether this process was started so that perf can name its JIT-compiled code.</summary>
    public static bool CanNameOwnCode => SiloEnvironment.All(pair => Environment.GetEnvironmentVariable(pair.Key) == pair.Value);

    private readonly Process _perf;
    private readonly string _file;

    private PerfRecording(Process perf, string file)
    {
        _perf = perf;
        _file = file;
    }

    /// <returns>Null, with the reason in <paramref name="unavailable"/>, when perf is missing or may not sample these processes.</returns>
    public static PerfRecording? Start(IReadOnlyList<int> processIds, TimeSpan length, out string? unavailable)
    {
        var file = Path.Combine(Path.GetTempPath(), $"orleans-assistant-load-{Guid.NewGuid():N}.perf");
        var start = new ProcessStartInfo("perf") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "record", "--quiet", "-F", SamplesPerSecond.ToString(CultureInfo.InvariantCulture), "-g",
                     "-p", string.Join(',', processIds), "-o", file, "--", "sleep", length.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            var perf = Process.Start(start) ?? throw new InvalidOperationException("perf did not start");
            unavailable = null;
            return new PerfRecording(perf, file);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            unavailable = $"perf could not be started ({missing.Message}); install linux-perf for the CPU breakdown";
            return null;
        }
    }

    /// <summary>Waits for the recording to end, then reads its samples: one list of frames (innermost first) per sample.</summary>
    public async Task<(IReadOnlyList<IReadOnlyList<string>> Samples, string? Problem)> ReadAsync(CancellationToken cancellationToken)
    {
        var recordErrors = await _perf.StandardError.ReadToEndAsync(cancellationToken);
        await _perf.WaitForExitAsync(cancellationToken);
        if (_perf.ExitCode != 0 || !File.Exists(_file))
        {
            return ([], $"perf record failed (exit {_perf.ExitCode}): {recordErrors.Trim()} (kernel.perf_event_paranoid may forbid it)");
        }
        var script = new ProcessStartInfo("perf") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "script", "-i", _file, "-F", "pid,ip,sym,dso" }) script.ArgumentList.Add(argument);
        using var reading = Process.Start(script)!;
        var errors = reading.StandardError.ReadToEndAsync(cancellationToken);
        var samples = PerfScript.Parse(reading.StandardOutput);
        await reading.WaitForExitAsync(cancellationToken);
        await errors;
        return (samples, null);
    }

    public void Dispose()
    {
        if (!_perf.HasExited) _perf.Kill();
        _perf.Dispose();
        File.Delete(_file);
    }
}
