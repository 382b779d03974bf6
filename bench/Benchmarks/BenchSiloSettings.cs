using System.Globalization;
using System.Security.Cryptography;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks;

/// <summary>Settings laid over the silo's appsettings.json so each measured silo is private and quiet.</summary>
internal static class BenchSiloSettings
{
    /// <summary>The embedded defaults (SQLite files in <paramref name="dataDirectory"/>) on free loopback ports, without the bot.</summary>
    public static Dictionary<string, string?> Embedded(string dataDirectory, int dashboardPort) => new()
    {
        ["DataDirectory"] = dataDirectory,
        ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Dashboard:Urls"] = DashboardUrl(dashboardPort).ToString(),
        // A token from the developer's shell must not start a real bot while measuring.
        ["Telegram:BotToken"] = "",
        ["TELEGRAM_BOT_TOKEN"] = "",
        // Start-up lines at Information would break up the printed tables.
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Orleans.Hosting.SiloHostedService"] = "Warning",
        ["Logging:LogLevel:OrleansAssistant"] = "Warning",
        // Its first check after start reports the time since boot as a stall: a false alarm on every start.
        ["Logging:LogLevel:Orleans.Runtime.Watchdog"] = "Error",
        // Its "back up the generated key" advice concerns a throwaway folder here.
        ["Logging:LogLevel:OrleansAssistant.Grains.Databases.Secrets.SecretKeyRing"] = "Error",
    };

    /// <summary>The embedded defaults, with the "Demo Sales" database generated and registered on start.</summary>
    public static Dictionary<string, string?> WithDemoDatabase(string dataDirectory, int dashboardPort)
    {
        var settings = Embedded(dataDirectory, dashboardPort);
        // Explicit: the query suite needs the database whatever the default for embedded storage becomes.
        settings["Databases:DemoDatabase"] = "true";
        return settings;
    }

    /// <summary>The demo database, with the model endpoint at <paramref name="modelBaseUrl"/> and customers' SQLite files in <paramref name="sqliteFolder"/>.</summary>
    public static Dictionary<string, string?> WithDemoDatabaseAndModel(string dataDirectory, int dashboardPort, string sqliteFolder, Uri modelBaseUrl)
    {
        var settings = WithDemoDatabase(dataDirectory, dashboardPort);
        settings["Databases:SqliteFolder"] = sqliteFolder;
        settings["Model:BaseUrl"] = modelBaseUrl.ToString();
        // Any non-empty key: the fake server accepts all, and a key from the developer's shell must not be sent.
        settings["Model:ApiKey"] = "bench-key";
        return settings;
    }

    /// <summary>Clustering, grain storage and app tables all in the one PostgreSQL database.</summary>
    public static Dictionary<string, string?> Postgres(string dataDirectory, int dashboardPort, string connectionString)
    {
        var settings = Embedded(dataDirectory, dashboardPort);
        settings["ConnectionStrings:Default"] = connectionString;
        settings["Cluster:Clustering"] = "AdoNet";
        settings["GrainStorage:Provider"] = "AdoNet";
        settings["AppDatabase:Provider"] = "PostgreSql";
        // AdoNet clustering refuses to start without a key shared by all silos; a fresh one suits a scratch database.
        settings["Secrets:CurrentKeyId"] = "bench";
        settings["Secrets:Keys:bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return settings;
    }

    public static Uri DashboardUrl(int port) => new($"http://127.0.0.1:{port}");
}
