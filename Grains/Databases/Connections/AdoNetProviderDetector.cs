using System.Data.Common;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Databases.Connections;

/// <summary>
/// Tells from the keys of an ADO.NET connection string which driver it was written for. Several keys
/// are shared (Server, Database, User Id, Password), so the distinctive ones decide.
/// </summary>
internal static class AdoNetProviderDetector
{
    private static readonly string[] PostgreSqlKeys = ["host", "username", "port", "sslmode", "ssl mode", "search path"];

    private static readonly string[] SqlServerKeys =
    [
        "server", "data source", "initial catalog", "integrated security", "trusted_connection", "trustservercertificate",
        "trust server certificate", "encrypt", "uid", "pwd", "addr", "address", "network address", "multipleactiveresultsets",
        "multiple active result sets", "authentication", "connect timeout", "connection timeout",
    ];

    private static readonly string[] SqliteExtensions = [".db", ".sqlite", ".sqlite3", ".db3"];

    /// <param name="keys">The parsed string; its keys are lower case.</param>
    /// <returns>Null when the keys fit none of the drivers.</returns>
    public static DatabaseProvider? Detect(DbConnectionStringBuilder keys)
    {
        // Npgsql also accepts Server and User Id, but SqlClient has no Port, Host or Username.
        if (PostgreSqlKeys.Any(keys.ContainsKey)) return DatabaseProvider.PostgreSql;
        if (keys.ContainsKey("filename") || keys.ContainsKey("datasource")) return DatabaseProvider.Sqlite;
        if (keys.TryGetValue("data source", out var dataSource) && (LooksLikeSqliteFile(dataSource as string ?? "") || keys.Count == 1))
        {
            return DatabaseProvider.Sqlite;
        }
        if (SqlServerKeys.Any(keys.ContainsKey)) return DatabaseProvider.SqlServer;
        return null;
    }

    // SQL Server data sources are host names, "host,port" or "host\instance", never with '/' or a file extension.
    private static bool LooksLikeSqliteFile(string dataSource)
    {
        var value = dataSource.Trim();
        return value.Contains('/', StringComparison.Ordinal)
            || value == ":memory:"
            || value.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || SqliteExtensions.Any(extension => value.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
    }
}
