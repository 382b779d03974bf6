using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Models;
using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Silo.Tests.Faults;

/// <summary>
/// Silo processes on one scratch PostgreSQL database (clustering, grain storage and app tables), a
/// slow fake model, a fake Telegram, and the bot gateway as their Orleans client. Disposing kills
/// every process that is still alive.
/// </summary>
internal sealed class FaultCluster : IAsyncDisposable
{
    // The same key on every silo, so each can read the connection strings another stored.
    private const string SecretKey = "dGVzdC1rZXktMzItYnl0ZXMtbG9uZy1mb3ItYWVzISE=";

    private readonly TempDirectory _folder = new();
    private readonly List<FaultSilo> _silos = [];

    private FaultCluster(string database) => Database = database;

    public string Database { get; }
    public FakeModelServer Model { get; } = new();
    public FakeTelegramServer Telegram { get; private set; } = null!;
    public BotGatewayHost Gateway { get; private set; } = null!;
    public IReadOnlyList<FaultSilo> Silos => _silos;

    /// <param name="siloSettings">Extra settings for every silo, as environment variables (<c>Section__Key</c>).</param>
    public static async Task<FaultCluster> StartAsync(int siloCount, IReadOnlyDictionary<string, string>? siloSettings = null)
    {
        var cluster = new FaultCluster(await TestPostgres.CreateDatabaseAsync("fault"));
        try
        {
            await cluster.StartPartsAsync(siloCount, siloSettings ?? new Dictionary<string, string>());
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    private async Task StartPartsAsync(int siloCount, IReadOnlyDictionary<string, string> siloSettings)
    {
        await Model.StartAsync();
        TokenModel.Serve(Model);
        Telegram = await FakeTelegramServer.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = Database,
            ["Cluster__Clustering"] = "AdoNet",
            ["GrainStorage__Provider"] = "AdoNet",
            ["AppDatabase__Provider"] = "PostgreSql",
            ["Secrets__CurrentKeyId"] = "test",
            ["Secrets__Keys__test"] = SecretKey,
            ["Model__BaseUrl"] = Model.BaseUrl.ToString(),
            ["Model__ApiKey"] = "test-key",
            ["Databases__DemoDatabase"] = "false",
            // The shop database listens on loopback, which customer connections may not reach by default.
            ["Databases__AllowedHosts__0"] = "127.0.0.1",
            // No bot in the silos: the gateway below is the only one polling the fake Telegram.
            ["Telegram__BotToken"] = "",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in siloSettings) environment[key] = value;
        for (var i = 0; i < siloCount; i++) _silos.Add(FaultSilo.Start(Path.Combine(_folder.Path, $"silo{i}"), environment));
        await Task.WhenAll(_silos.Select(silo => silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90))));
        Gateway = await BotGatewayHost.StartAsync(Database, Telegram.BaseUrl, FakeTelegramServer.DefaultToken);
        await Telegram.WaitForCallAsync("getUpdates", TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The client first, while silos still answer its goodbye.
            if (Gateway is not null) await Gateway.DisposeAsync();
        }
        finally
        {
            // Processes must never outlive the test, whatever else failed.
            foreach (var silo in _silos) await silo.DisposeAsync();
        }
        if (Telegram is not null) await Telegram.DisposeAsync();
        await Model.DisposeAsync();
        _folder.Dispose();
    }
}
