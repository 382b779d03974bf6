using Microsoft.Data.Sqlite;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>A SQLite database file in a folder of its own, removed afterwards.</summary>
internal sealed class SchemaSqliteFile : IDisposable
{
    private readonly TempDirectory _folder = new();

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder.Path, "shop.db") }.ToString();

    public void Dispose()
    {
        // Pooled connections keep the file open, and an open file cannot be deleted on every platform.
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
