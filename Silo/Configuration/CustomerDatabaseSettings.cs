using Microsoft.Extensions.Configuration;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.Hosting;

namespace OrleansAssistant.Silo.Configuration;

/// <summary>Customer databases (section <c>Databases</c>) and the keys that encrypt their connection strings (section <c>Secrets</c>).</summary>
public sealed record CustomerDatabaseSettings
{
    /// <summary>The only folder SQLite database files may be connected from.</summary>
    public required string SqliteFolder { get; init; }

    /// <summary>Whether the silo creates and offers the "Demo Sales" database.</summary>
    public required bool DemoDatabase { get; init; }

    /// <summary>Base64 256-bit keys by id; empty means a generated key in the data folder.</summary>
    public required IReadOnlyDictionary<string, string> SecretKeys { get; init; }
    public string? CurrentSecretKeyId { get; init; }

    /// <summary>Whether customer databases on private networks may be used (<c>Databases:AllowPrivateNetworks</c>).</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>Names, addresses and CIDRs customer databases may be on even when private or local (<c>Databases:AllowedHosts</c>).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public string SecretKeyFile(string dataDirectory) => Path.Combine(dataDirectory, "secret-keys.json");

    public static CustomerDatabaseSettings Read(IConfiguration configuration, string dataDirectory, bool embedded, bool clustered)
    {
        var folder = Path.GetFullPath(SettingReader.Text(configuration, "Databases:SqliteFolder", Path.Combine(dataDirectory, "databases")));
        var demoKey = "Databases:DemoDatabase";
        var demoText = SettingReader.OptionalText(configuration, demoKey);
        bool demo = embedded;
        if (demoText is not null && !bool.TryParse(demoText, out demo))
        {
            throw new InvalidSettingException(demoKey, $"must be true or false (got '{demoText}').");
        }
        var keys = configuration.GetSection("Secrets:Keys").GetChildren()
            .Where(key => !string.IsNullOrWhiteSpace(key.Value))
            .ToDictionary(key => key.Key, key => key.Value!.Trim());
        var current = SettingReader.OptionalText(configuration, "Secrets:CurrentKeyId");
        if (keys.Count > 0 && (current is null || !keys.ContainsKey(current)))
        {
            throw new InvalidSettingException("Secrets:CurrentKeyId", "must name one of the keys under Secrets:Keys.");
        }
        if (keys.Count == 0 && clustered)
        {
            // A key generated on one machine would leave other silos unable to read connection strings.
            throw new InvalidSettingException("Secrets:Keys", "is required when Cluster:Clustering is AdoNet: every silo needs the same encryption key (see README).");
        }
        return new CustomerDatabaseSettings
        {
            SqliteFolder = folder, DemoDatabase = demo, SecretKeys = keys, CurrentSecretKeyId = current,
            AllowPrivateNetworks = SettingReader.Flag(configuration, "Databases:AllowPrivateNetworks", false),
            AllowedHosts = ReadAllowedHosts(configuration),
        };
    }

    /// <summary><c>Databases:AllowedHosts</c> as a list (<c>Databases:AllowedHosts:0</c> …) or one comma-separated value.</summary>
    private static IReadOnlyList<string> ReadAllowedHosts(IConfiguration configuration)
    {
        const string key = "Databases:AllowedHosts";
        var section = configuration.GetSection(key);
        var entries = section.GetChildren().Select(child => child.Value).Append(section.Value)
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        if (entries.FirstOrDefault(entry => !ConnectionTargetPolicy.IsValidAllowedHost(entry)) is { } invalid)
        {
            throw new InvalidSettingException(key, $"must hold host names, addresses or CIDRs such as db.internal, 10.0.0.5 or 10.0.0.0/8 (got '{invalid}').");
        }
        return entries;
    }
}
