using Microsoft.Extensions.Configuration;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

/// <summary>The app database of conversations, costs and the activity log (section <c>AppDatabase</c>).</summary>
public sealed record AppDatabaseSettings
{
    public const string Section = "AppDatabase";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public required string ConnectionString { get; init; }

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
        return new AppDatabaseSettings { Provider = provider, ConnectionString = connectionString };
    }
}
