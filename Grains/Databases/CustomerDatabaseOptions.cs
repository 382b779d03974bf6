namespace OrleansAssistant.Grains.Databases;

/// <summary>Where customer SQLite files may live, which network addresses customer connections may reach, and which keys encrypt connection strings.</summary>
/// <param name="SecretKeys">Base64 256-bit keys by id; when empty, a key is generated into <paramref name="SecretKeyFile"/>.</param>
/// <param name="AllowPrivateNetworks">Whether customer databases on private networks (RFC 1918, fc00::/7, 100.64/10) may be used.</param>
/// <param name="AllowedHosts">Host names, addresses and CIDRs customer connections may reach even when private or local.</param>
public sealed record CustomerDatabaseOptions(
    string SqliteFolder,
    IReadOnlyDictionary<string, string> SecretKeys,
    string? CurrentSecretKeyId,
    string SecretKeyFile,
    bool AllowPrivateNetworks = false,
    IReadOnlyList<string>? AllowedHosts = null);
