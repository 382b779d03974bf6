using System.Globalization;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// N silo processes on one PostgreSQL database: AdoNet clustering, AdoNet grain storage, PostgreSQL app database,
/// the same connection-string key, model endpoint and customer SQLite folder on every silo; the bot runs elsewhere.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private readonly TempDirectory _folders = new();

    private SiloCluster()
    {
    }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public static Dictionary<string, string> Settings(string connectionString, Uri modelBaseUrl, string sqliteFolder) => new()
    {
        ["ConnectionStrings:Default"] = connectionString,
        ["Cluster:Clustering"] = "AdoNet",
        ["GrainStorage:Provider"] = "AdoNet",
        ["AppDatabase:Provider"] = "PostgreSql",
        ["Secrets:CurrentKeyId"] = "load",
        ["Secrets:Keys:load"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Model:BaseUrl"] = modelBaseUrl.ToString(),
        // Any non-empty key: the fake accepts all, and a key from the developer's shell must not be sent.
        ["Model:ApiKey"] = "bench-key",
        ["GEMINI_API_KEY"] = "",
        ["Databases:SqliteFolder"] = sqliteFolder,
        ["Databases:DemoDatabase"] = "false",
        // The bot runs in the benchmark process; a token from the developer's shell must not start another.
        ["Telegram:BotToken"] = "",
        ["TELEGRAM_BOT_TOKEN"] = "",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Orleans.Hosting.SiloHostedService"] = "Warning",
        ["Logging:LogLevel:OrleansAssistant"] = "Warning",
        ["Logging:LogLevel:Orleans.Runtime.Watchdog"] = "Error",
    };

    /// <summary>Starts <paramref name="count"/> silos at once and waits until the first reports all of them active.</summary>
    public static async Task<SiloCluster> StartAsync(int count, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var cluster = new SiloCluster();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var folder = Path.Combine(cluster._folders.Path, $"silo{i + 1}");
                Directory.CreateDirectory(folder);
                cluster._silos.Add(SiloProcess.Start(settings, folder));
            }
            foreach (var silo in cluster._silos)
            {
                await HealthProbe.WaitUntilHealthyAsync(silo.Dashboard, cancellationToken, () => !silo.HasExited);
            }
            await cluster.WaitForMembersAsync(count, cancellationToken);
            return cluster;
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException)
        {
            var output = string.Join("\n---\n", cluster._silos.Select(silo => silo.Output));
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"{error.Message} Silo output:\n{output}", error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos) await silo.DisposeAsync();
        _folders.Dispose();
    }

    // /healthz on every silo says "<n> active silo(s)" once membership has settled.
    private async Task WaitForMembersAsync(int count, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var expected = string.Create(CultureInfo.InvariantCulture, $"{count} active silo");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var body = await http.GetStringAsync(new Uri(_silos[0].Dashboard, "/healthz"), cancellationToken);
            if (body.Contains(expected, StringComparison.Ordinal)) return;
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"The cluster did not report {count} active silos within 60 s.");
    }
}
