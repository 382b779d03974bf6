using OrleansAssistant.Grains.Interfaces.Databases;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using System.Diagnostics;
using OrleansAssistant.Gateway.Bot;
using OrleansAssistant.Gateway.Dashboard;
using OrleansAssistant.Grains;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Databases;
using OrleansAssistant.Grains.Databases.Secrets;
using OrleansAssistant.Grains.Email;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.Hosting;
using OrleansAssistant.Silo.Configuration;
using OrleansAssistant.Silo.Health;

namespace OrleansAssistant.Silo;

/// <summary>
/// The silo host: reads and checks configuration, brings database schemas up to date, then starts
/// Orleans with the dashboard (and the bot when a token is set) in the same process.
/// </summary>
public static partial class AssistantSilo
{
    /// <param name="overrides">Settings applied over appsettings.json and the environment (used by tests).</param>
    /// <param name="configureServices">Extra services, applied last (tests add grain call filters or a clock here).</param>
    /// <exception cref="InvalidSettingException">Configuration is wrong; the message names the setting.</exception>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json sits beside the binary; data paths stay relative to the working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        LoggingDefaults.Apply(builder.Configuration);
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);

        var settings = SiloSettings.Read(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<SchemaMigrator>();
        // Before the grain services, whose default it replaces.
        builder.Services.AddSingleton(settings.Schedules);
        builder.Services.AddSingleton(settings.Budgets);
        builder.Services.AddSingleton(settings.AppDatabase.GroupCommit);
        builder.Services.AddAssistantGrainServices(settings.Admins, new CustomerDatabaseOptions(
            settings.Databases.SqliteFolder, settings.Databases.SecretKeys, settings.Databases.CurrentSecretKeyId,
            settings.Databases.SecretKeyFile(settings.DataDirectory), settings.Databases.AllowPrivateNetworks, settings.Databases.AllowedHosts),
            settings.Model, settings.Exports, settings.Answers);
        builder.Services.AddModelEndpointCheck();
        builder.Services.AddSingleton(new AppDatabase(SqlDialect.For(settings.AppDatabase.Provider), settings.AppDatabase.ConnectionString));
        builder.Services.AddEmailOutbox(EmailSettingsReader.Read(builder.Configuration));

        builder.UseOrleans(silo => silo
            .UseConfiguredClustering(settings.Cluster)
            .UseClusterTls(ClusterTls.Read(builder.Configuration))
            .UseConfiguredGrainStorage(settings.GrainStorage)
            .UseConfiguredReminders(settings.GrainStorage)
            // Carries the caller's trace into every grain call, so one question is one trace.
            .AddActivityPropagation()
            .AddConfiguredOrleansDashboard(settings.OrleansDashboard));

        builder.AddAssistantTelemetry("orleans-assistant-silo");
        builder.AddDashboardGateway();
        builder.Services.AddHealthChecks()
            .Add(DatabaseCheck("grain-storage", settings.GrainStorage.Provider == GrainStorageProvider.Sqlite
                ? SqliteDialect.Instance
                : SqlDialect.ForInvariant(settings.GrainStorage.Invariant), settings.GrainStorage.ConnectionString, GrainStorageSettings.Section))
            .Add(DatabaseCheck("app-database", SqlDialect.For(settings.AppDatabase.Provider), settings.AppDatabase.ConnectionString, AppDatabase.Purpose))
            .AddCheck<ModelEndpointHealthCheck>("model-endpoint", tags: ["model"]);
        builder.AddBotGateway();
        builder.WebHost.UseUrls(OrleansDashboardHosting.ListenUrls(DashboardSettings.Read(builder.Configuration).Urls, settings.OrleansDashboard));
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapDashboardGateway();
        app.MapBotWebhook();
        app.MapConfiguredOrleansDashboard(settings.OrleansDashboard);
        return app;
    }

    /// <summary>Applies missing schema scripts, then starts the silo and its gateways.</summary>
    /// <exception cref="DatabaseUnavailableException">A configured database cannot be reached.</exception>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        var settings = app.Services.GetRequiredService<SiloSettings>();
        var migrator = app.Services.GetRequiredService<SchemaMigrator>();
        DataFolder.Prepare(settings.DataDirectory);
        Directory.CreateDirectory(settings.Databases.SqliteFolder);
        foreach (var (dialect, connectionString, purpose) in settings.SchemaTargets())
        {
            await migrator.ApplyAsync(dialect, connectionString, purpose, cancellationToken);
        }
        await app.Services.GetRequiredService<PriceBook>().SeedAsync(settings.ModelPrices, cancellationToken);
        // Loading the key ring now makes a first start generate (and announce) its key at once.
        app.Services.GetRequiredService<SecretKeyRing>();
        if (settings.Databases.DemoDatabase) await DemoDatabaseRegistration.CreateFileAsync(settings.DataDirectory, app.Logger, cancellationToken);
        await app.StartAsync(cancellationToken);
        if (settings.Databases.DemoDatabase)
        {
            await DemoDatabaseRegistration.RegisterAsync(app.Services.GetRequiredService<IGrainFactory>(), settings.DataDirectory);
        }
        DataFolder.RestrictFiles(settings.DataDirectory);
        LogStarted(app.Logger, settings.Cluster.Clustering, settings.GrainStorage.Provider, settings.AppDatabase.Provider,
            started.ElapsedMilliseconds, string.Join(", ", app.Urls));
    }

    private static HealthCheckRegistration DatabaseCheck(string name, SqlDialect dialect, string connectionString, string purpose) =>
        new(name, _ => new DatabaseHealthCheck(dialect, connectionString, purpose), failureStatus: null, tags: ["storage"]);

    [LoggerMessage(1, LogLevel.Information, "Silo started in {ElapsedMs} ms (clustering {Clustering}, grain storage {GrainStorage}, app database {AppDatabase}); listening on {Urls}")]
    private static partial void LogStarted(ILogger logger, ClusteringMode clustering, GrainStorageProvider grainStorage, DatabaseProvider appDatabase, long elapsedMs, string urls);
}
