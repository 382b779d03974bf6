using Microsoft.Extensions.Configuration;
using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Exports;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.Grains.Users;
using OrleansAssistant.Grains.Schedules.Rhythm;
using OrleansAssistant.Grains.VerifiedQueries;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

/// <summary>Every setting the silo host decides on, read and checked once before anything starts.</summary>
public sealed record SiloSettings
{
    /// <summary>Folder for the embedded databases and generated keys; relative paths are from the working directory.</summary>
    public required string DataDirectory { get; init; }
    public required ClusterSettings Cluster { get; init; }
    public required GrainStorageSettings GrainStorage { get; init; }
    public required AppDatabaseSettings AppDatabase { get; init; }
    public required AdminSettings Admins { get; init; }
    public required CustomerDatabaseSettings Databases { get; init; }
    public required ModelSettings Model { get; init; }
    public required IReadOnlyList<ModelPrice> ModelPrices { get; init; }
    public required OrleansDashboardSettings OrleansDashboard { get; init; }
    public required ExportSettings Exports { get; init; }
    public required VerifiedAnswerSettings Answers { get; init; }
    public required ScheduleSettings Schedules { get; init; }
    public required BudgetPolicy Budgets { get; init; }

    /// <exception cref="InvalidSettingException">A value is missing or wrong; the message names it.</exception>
    public static SiloSettings Read(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(SettingReader.Text(configuration, "DataDirectory", "data"));
        var cluster = ClusterSettings.Read(configuration);
        var grainStorage = GrainStorageSettings.Read(configuration, dataDirectory);
        return new SiloSettings
        {
            DataDirectory = dataDirectory,
            Cluster = cluster,
            GrainStorage = grainStorage,
            Databases = CustomerDatabaseSettings.Read(configuration, dataDirectory,
                embedded: grainStorage.Provider == GrainStorageProvider.Sqlite, clustered: cluster.Clustering == ClusteringMode.AdoNet),
            AppDatabase = AppDatabaseSettings.Read(configuration, dataDirectory),
            Admins = AdminSettingsReader.Read(configuration),
            Model = ModelSettingsReader.Read(configuration),
            ModelPrices = ModelSettingsReader.ReadPrices(configuration),
            OrleansDashboard = OrleansDashboardSettings.Read(configuration),
            Exports = ReadExports(configuration),
            Answers = AnswerSettingsReader.Read(configuration),
            Schedules = ScheduleSettingsReader.Read(configuration),
            Budgets = BudgetPolicyReader.Read(configuration),
        };
    }

    /// <summary><c>Exports:MaxRows</c>: rows one export may hold (1 to 1,000,000).</summary>
    private static ExportSettings ReadExports(IConfiguration configuration)
    {
        const string key = "Exports:MaxRows";
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw)) return ExportSettings.Default;
        if (int.TryParse(raw, out var rows) && rows is > 0 and <= 1_000_000) return ExportSettings.Default with { MaxRows = rows };
        throw new InvalidSettingException(key, $"must be a whole number of rows between 1 and 1000000 (got '{raw}').");
    }

    /// <summary>Each database this silo needs a schema in, once, with the purpose named for error messages.</summary>
    public IEnumerable<(SqlDialect Dialect, string ConnectionString, string Purpose)> SchemaTargets()
    {
        var targets = new List<(SqlDialect, string, string)>();
        if (Cluster.Clustering == ClusteringMode.AdoNet)
        {
            targets.Add((SqlDialect.ForInvariant(Cluster.Invariant), Cluster.ConnectionString!, "Cluster"));
        }
        if (GrainStorage.Provider == GrainStorageProvider.AdoNet)
        {
            targets.Add((SqlDialect.ForInvariant(GrainStorage.Invariant), GrainStorage.ConnectionString, "GrainStorage"));
        }
        targets.Add((SqlDialect.For(AppDatabase.Provider), AppDatabase.ConnectionString, "AppDatabase"));
        return targets.DistinctBy(target => (target.Item1.Provider, target.Item2));
    }
}
