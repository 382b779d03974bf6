using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>
/// The real silo with its dashboard, started in-process on free ports with embedded storage in a
/// folder of its own and a clock the test moves forward. Use as a class fixture or start one with
/// <see cref="StartAsync"/> when a test needs its own settings.
/// </summary>
public sealed class DashboardHost : IAsyncLifetime, IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly IReadOnlyDictionary<string, string?> _overrides;
    private readonly List<HttpClient> _clients = [];
    private InProcessSilo? _silo;
    private long _nextUserId = 5_000_000 + Random.Shared.Next(1_000_000) * 10L;

    public DashboardHost() : this(new Dictionary<string, string?>()) { }

    private DashboardHost(IReadOnlyDictionary<string, string?> overrides) => _overrides = overrides;

    /// <summary>Starts a host of its own; <paramref name="settings"/> override the defaults (e.g. a low login limit).</summary>
    public static async Task<DashboardHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new DashboardHost(settings ?? new Dictionary<string, string?>());
        await host.InitializeAsync();
        return host;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IGrainFactory Grains => _silo!.Grains;

    public IServiceProvider Services => _silo!.Services;

    /// <summary>The silo's clock; tests move it forward (past a session's idle limit, an invitation's expiry), never back.</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>Every line the silo logged, e.g. the exception behind a 500.</summary>
    public LogRecorder Logs { get; } = new();

    public string DataDirectory => _folder.Path;

    /// <summary>The folder customers' SQLite files must live in (<c>Databases:SqliteFolder</c>).</summary>
    public string SqliteFolder => Path.Combine(_folder.Path, "databases");

    /// <summary>A Telegram user id no other test of this host has used.</summary>
    public long NewUserId() => Interlocked.Increment(ref _nextUserId);

    public async Task InitializeAsync()
    {
        var settings = InProcessSilo.BaseSettings(_folder.Path);
        // Every test logs in from 127.0.0.1; the production per-address limit would refuse most of them.
        settings["Dashboard:LoginRequestsPerMinute"] = "1000";
        settings["Dashboard:RequestsPerMinute"] = "100000";
        foreach (var (key, value) in _overrides) settings[key] = value;
        BaseAddress = new Uri(settings["Dashboard:Urls"]!.Split(';')[0]);
        _silo = await InProcessSilo.StartAsync(settings, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Logs);
        });
        await _silo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient NewClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        lock (_clients) _clients.Add(client);
        return client;
    }

    /// <summary>A client carrying <paramref name="token"/> as its bearer token (valid or not).</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Logs in through <c>POST /dashboard/login</c> and returns a client that sends the session token.</summary>
    public async Task<HttpClient> LoginAsync(string username, string password) =>
        ClientWithToken(await LoginTokenAsync(username, password));

    public async Task<string> LoginTokenAsync(string username, string password)
    {
        using var response = await NewClient().PostAsJsonAsync("/dashboard/login", new { username, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"login as {username}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("token").GetString()!;
    }

    public async Task DisposeAsync()
    {
        lock (_clients)
        {
            foreach (var client in _clients) client.Dispose();
            _clients.Clear();
        }
        if (_silo is not null) await _silo.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
