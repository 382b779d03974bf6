namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>The PostgreSQL silo of the storage suite, set up to serve a benchmark's stream of dashboard requests.</summary>
internal static class DashboardSiloSettings
{
    // Far above the ~1,000 requests a run sends within a minute or two, so the limiter never refuses a timed request.
    private const string RequestsPerMinute = "100000";

    public static Dictionary<string, string?> Postgres(string dataDirectory, int dashboardPort, string connectionString)
    {
        var settings = BenchSiloSettings.Postgres(dataDirectory, dashboardPort, connectionString);
        settings["Dashboard:RequestsPerMinute"] = RequestsPerMinute;
        settings["Dashboard:LoginRequestsPerMinute"] = RequestsPerMinute;
        return settings;
    }
}
