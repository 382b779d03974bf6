using Microsoft.Extensions.Configuration;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

public enum GrainStorageProvider
{
    /// <summary>Embedded SQLite file under the data folder.</summary>
    Sqlite,
    /// <summary>Orleans ADO.NET persistence (PostgreSQL or SQL Server).</summary>
    AdoNet,
}

/// <summary>Where grain state is kept (section <c>GrainStorage</c>); one provider for every grain.</summary>
public sealed record GrainStorageSettings
{
    public const string Section = "GrainStorage";

    public GrainStorageProvider Provider { get; init; } = GrainStorageProvider.Sqlite;
    public string Invariant { get; init; } = AdoNetInvariants.PostgreSql;
    /// <summary>ADO.NET connection string, or the SQLite file's connection string for the embedded provider.</summary>
    public required string ConnectionString { get; init; }
    public string? SqlitePath { get; init; }

    public static GrainStorageSettings Read(IConfiguration configuration, string dataDirectory)
    {
        var provider = SettingReader.Enum(configuration, $"{Section}:Provider", GrainStorageProvider.Sqlite);
        if (provider == GrainStorageProvider.Sqlite)
        {
            var path = Path.Combine(dataDirectory, "grains.db");
            return new GrainStorageSettings { Provider = provider, SqlitePath = path, ConnectionString = $"Data Source={path}" };
        }
        return new GrainStorageSettings
        {
            Provider = provider,
            Invariant = AdoNetInvariants.Read(configuration, $"{Section}:Invariant"),
            ConnectionString = SettingReader.RequiredConnectionString(configuration, $"{Section}:ConnectionString", "GrainStorage:Provider is AdoNet"),
        };
    }
}
