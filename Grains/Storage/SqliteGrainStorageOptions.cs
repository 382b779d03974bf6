namespace OrleansAssistant.Grains.Storage;

/// <summary>Settings of the embedded grain storage.</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>Path of the SQLite file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "grains.db");

    /// <summary>How long a write waits for another writer's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Creates the file's folder when missing; called once when the grain state or the reminder table starts.</summary>
    public void EnsureFolder()
    {
        if (Path.GetDirectoryName(Path.GetFullPath(DatabasePath)) is { } folder) Directory.CreateDirectory(folder);
    }

    /// <summary>How the grain state and the reminder table open the file: pooled, created when missing, with the busy timeout.</summary>
    public string ConnectionString() => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
    {
        DataSource = DatabasePath,
        Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = (int)BusyTimeout.TotalSeconds,
    }.ToString();
}
