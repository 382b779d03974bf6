namespace OrleansAssistant.Grains.Databases;

/// <summary>Where customer SQLite files may live and which keys encrypt connection strings.</summary>
/// <param name="SecretKeys">Base64 256-bit keys by id; when empty, a key is generated into <paramref name="SecretKeyFile"/>.</param>
public sealed record CustomerDatabaseOptions(
    string SqliteFolder,
    IReadOnlyDictionary<string, string> SecretKeys,
    string? CurrentSecretKeyId,
    string SecretKeyFile);
