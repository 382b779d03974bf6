using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Startup;

/// <summary>The user-visible start-up: <c>dotnet OrleansAssistant.Silo.dll</c> in an empty folder, until /healthz answers 200.</summary>
internal static class SiloProcessStart
{
    public static async Task<double> MeasureAsync(CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiloBinary.Path);
        start.Environment["Dashboard__Urls"] = BenchSiloSettings.DashboardUrl(port).ToString();
        start.Environment["Cluster__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["TELEGRAM_BOT_TOKEN"] = "";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        // Reading the output keeps the pipes from filling up and stalling the silo; it is shown on failure.
        process.OutputDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };

        var begin = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await HealthProbe.WaitUntilHealthyAsync(BenchSiloSettings.DashboardUrl(port), cancellationToken, () => !process.HasExited);
            return Timing.MillisecondsSince(begin);
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException)
        {
            lock (output) throw new InvalidOperationException($"{error.Message} Silo output:\n{output}", error);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
