using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace OrleansAssistant.Silo.Tests;

/// <summary>Runs a project of the repository as the README does (<c>dotnet run --project Silo</c>), from a chosen folder.</summary>
internal sealed class DotnetRunProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DotnetRunProcess(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static DotnetRunProcess Start(string project, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = typeof(DotnetRunProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--project", Path.Combine(RepositoryRoot, project), "--no-build", "-c", configuration })
        {
            start.ArgumentList.Add(argument);
        }
        // A token from the developer's shell must not start a real bot during tests.
        start.Environment["TELEGRAM_BOT_TOKEN"] = "";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var silo = new DotnetRunProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        silo._process.OutputDataReceived += (_, line) => silo.Append(line.Data);
        silo._process.ErrorDataReceived += (_, line) => silo.Append(line.Data);
        silo._process.Start();
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        return silo;
    }

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrleansAssistant.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("OrleansAssistant.sln not found above the test binaries.");
    }
}
