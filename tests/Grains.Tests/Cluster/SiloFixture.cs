using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Cluster;

/// <summary>
/// One real single-node silo (embedded storage, SQLite app database) shared by the grain tests of a
/// collection; tests use fresh grain keys so they never see each other's state.
/// </summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private InProcessSilo? _silo;

    public IGrainFactory Grains => _silo!.Grains;

    public IServiceProvider Services => _silo!.Services;

    public string DataDirectory => _folder.Path;

    /// <summary>The silo's clock; tests move it forward (e.g. past an invitation's expiry), never back.</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>Fails one chosen grain call on request.</summary>
    public FailureInjector Failures { get; } = new();

    /// <summary>Every line the silo logged.</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>Query limits with a short timeout, so timeout tests take seconds, not half a minute.</summary>
    public static readonly QueryLimits Limits = QueryLimits.Default with { Timeout = TimeSpan.FromSeconds(4) };

    /// <summary>A Telegram id the silo treats as an administrator (ADMIN_TELEGRAM_IDS).</summary>
    public const long AdminId = 4242;

    public async Task InitializeAsync()
    {
        var settings = InProcessSilo.BaseSettings(_folder.Path);
        settings["ADMIN_TELEGRAM_IDS"] = AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _silo = await InProcessSilo.StartAsync(settings, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IIncomingGrainCallFilter>(Failures);
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton(Limits);
        });
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
