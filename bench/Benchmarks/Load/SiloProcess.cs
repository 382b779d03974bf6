using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrleansAssistant.Benchmarks.Startup;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>One <c>dotnet OrleansAssistant.Silo.dll</c> of the measured cluster, on its own loopback ports.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, Uri dashboard)
    {
        _process = process;
        Dashboard = dashboard;
    }

    public Uri Dashboard { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <param name="settings">Shared by every silo of the cluster; ports and folder are added per silo.</param>
    public static SiloProcess Start(IReadOnlyDictionary<string, string> settings, string dataDirectory)
    {
        var dashboard = BenchSiloSettings.DashboardUrl(FreePort.Next());
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiloBinary.Path);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["DataDirectory"] = dataDirectory;
        start.Environment["Dashboard__Urls"] = dashboard.ToString();
        start.Environment["Cluster__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(process, dashboard);
        // Reading the output keeps the pipes from filling up and stalling the silo; it is shown on failure.
        process.OutputDataReceived += (_, line) => silo.Append(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            // Enough to explain a failure; a long run must not grow this without bound.
            if (_output.Length < 200_000) _output.AppendLine(line);
        }
    }
}
