namespace OrleansAssistant.Grains.Storage;

/// <summary>Settings of the embedded grain storage.</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>Path of the SQLite file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "grains.db");

    /// <summary>How long a write waits for another writer's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
