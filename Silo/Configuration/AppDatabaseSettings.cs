using Microsoft.Extensions.Configuration;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Storage.Batching;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

/// <summary>The app database of conversations, costs and the activity log (section <c>AppDatabase</c>).</summary>
public sealed record AppDatabaseSettings
{
    public const string Section = "AppDatabase";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public required string ConnectionString { get; init; }
    public GroupCommitSettings GroupCommit { get; init; } = GroupCommitSettings.Default;

    public static AppDatabaseSettings Read(IConfiguration configuration, string dataDirectory)
    {
        var provider = SettingReader.Enum(configuration, $"{Section}:Provider", DatabaseProvider.Sqlite);
        if (!SqlDialect.Serves(provider))
        {
            throw new InvalidSettingException($"{Section}:Provider", $"must be one of {string.Join(", ", SqlDialect.All.Select(dialect => dialect.Provider))} (got '{provider}').");
        }
        var connectionString = SqlDialect.For(provider).IsEmbedded
            ? SettingReader.OptionalText(configuration, $"{Section}:ConnectionString") ?? $"Data Source={Path.Combine(dataDirectory, "app.db")}"
            : SettingReader.RequiredConnectionString(configuration, $"{Section}:ConnectionString", $"AppDatabase:Provider is {provider}");
        return new AppDatabaseSettings { Provider = provider, ConnectionString = connectionString, GroupCommit = ReadGroupCommit(configuration) };
    }

    /// <summary><c>AppDatabase:GroupCommitWindowMs</c> (0 to 1000) and <c>AppDatabase:GroupCommitMaxRows</c> (1 to 10000).</summary>
    private static GroupCommitSettings ReadGroupCommit(IConfiguration configuration)
    {
        var defaults = GroupCommitSettings.Default;
        return defaults with
        {
            Window = TimeSpan.FromMilliseconds(SettingReader.WholeNumber(configuration, $"{Section}:GroupCommitWindowMs",
                (int)defaults.Window.TotalMilliseconds, 0, 1_000, "milliseconds")),
            MaxRows = SettingReader.WholeNumber(configuration, $"{Section}:GroupCommitMaxRows", defaults.MaxRows, 1, 10_000, "rows"),
        };
    }
}
