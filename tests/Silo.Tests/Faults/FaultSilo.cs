using System.Globalization;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>One silo process of a PostgreSQL cluster, started as the README does, with its own ports; it can be SIGKILLed.</summary>
internal sealed class FaultSilo : IAsyncDisposable
{
    private readonly DotnetRunProcess _process;
    private bool _killed;

    private FaultSilo(DotnetRunProcess process, int siloPort, string dashboardUrl)
    {
        _process = process;
        SiloPort = siloPort;
        DashboardUrl = dashboardUrl;
    }

    /// <summary>The silo-to-silo port: the silo's identity in the membership table.</summary>
    public int SiloPort { get; }

    public string DashboardUrl { get; }

    public string Output => _process.Output;

    public static FaultSilo Start(string folder, IReadOnlyDictionary<string, string> cluster)
    {
        var siloPort = FreePort.Next();
        var dashboardUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var environment = new Dictionary<string, string>(cluster)
        {
            ["DataDirectory"] = folder,
            ["Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Dashboard__Urls"] = dashboardUrl,
        };
        Directory.CreateDirectory(folder);
        return new FaultSilo(DotnetRunProcess.Start("Silo", folder, environment), siloPort, dashboardUrl);
    }

    public async Task WaitUntilHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = new Uri(DashboardUrl), Timeout = TimeSpan.FromSeconds(5) };
        await HealthPolling.WaitForOkAsync(http, _process, limit);
    }

    /// <summary>SIGKILL for the whole process tree: no shutdown, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        if (_killed) return;
        _killed = true;
        await _process.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(KillAsync());
}
