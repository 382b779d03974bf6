using System.Data.Common;
using Microsoft.Data.Sqlite;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.Sqlite;

/// <summary>
/// Turns <c>sqlite:///relative.db</c>, <c>sqlite:////absolute.db</c> and <c>Data Source=file.db</c> into
/// <c>Data Source=&lt;absolute path&gt;</c> of an existing file inside the allowed folder, and nothing else.
/// </summary>
internal static class SqliteConnections
{
    // Microsoft.Data.Sqlite's names for the one key we accept.
    private static readonly HashSet<string> DataSourceKeys = new(StringComparer.OrdinalIgnoreCase) { "data source", "datasource", "filename" };

    /// <param name="afterScheme">What follows <c>sqlite://</c>: <c>/relative.db</c> or <c>//absolute/path.db</c>.</param>
    public static ConnectionParseResult FromUrl(string afterScheme, SqliteFolder folder)
    {
        // SQLAlchemy's sqlite:// has no host: one '/' ends the empty authority, the rest is the path.
        // Query options (mode=, uri=, cache=) are refused like ADO.NET keys other than Data Source.
        if (!afterScheme.StartsWith('/') || afterScheme.Contains('?', StringComparison.Ordinal)) return NotAllowed;
        return FromPath(afterScheme[1..], folder);
    }

    public static ConnectionParseResult FromAdoNet(DbConnectionStringBuilder keys, SqliteFolder folder)
    {
        if (keys.Count != 1 || !keys.Keys.Cast<string>().All(DataSourceKeys.Contains)) return NotAllowed;
        string path;
        try
        {
            path = new SqliteConnectionStringBuilder(keys.ConnectionString).DataSource;
        }
        catch (Exception error) when (DriverRejection.IsRejection(error))
        {
            return NotAllowed;
        }
        return FromPath(path, folder);
    }

    private static ConnectionParseResult NotAllowed => ConnectionParseResult.Failure(ConnectionErrors.SqliteNotAllowed);

    private static ConnectionParseResult FromPath(string path, SqliteFolder folder)
    {
        // In-memory databases, URI file names (which carry their own options) and shared caches are no files of the folder.
        if (string.IsNullOrWhiteSpace(path) || path.Trim() == ":memory:" || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return NotAllowed;
        }
        if (!folder.TryResolveExistingFile(path, out var fullPath, out var relativePath)) return NotAllowed;

        var connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath }.ToString();
        return ConnectionParseResult.Success(new CustomerConnection(DatabaseProvider.Sqlite, connectionString, $"SQLite file '{relativePath}'"));
    }
}
