using System.Data.Common;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Databases.Connections;

/// <summary>
/// Reads a connection string as users paste it (ADO.NET for Npgsql, SqlClient or Microsoft.Data.Sqlite,
/// or a URL such as <c>postgresql://…</c>, <c>mssql+pyodbc://…</c>, <c>jdbc:sqlserver://…</c>,
/// <c>sqlite:///…</c>) into a <see cref="CustomerConnection"/> its driver accepts, or one sentence
/// saying what a usable one looks like.
/// </summary>
/// <param name="sqliteFolder">Absolute path of the only folder whose SQLite files may be used.</param>
public sealed class ConnectionStringParser(string sqliteFolder)
{
    private readonly SqliteFolder _sqliteFolder = new(sqliteFolder);

    public ConnectionParseResult Parse(string input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0) return NotRecognized;

        if (ConnectionScheme.TryMatch(text, out var provider, out var afterScheme))
        {
            return provider switch
            {
                DatabaseProvider.Sqlite => SqliteConnections.FromUrl(afterScheme, _sqliteFolder),
                DatabaseProvider.PostgreSql => ConnectionUrl.Parse(afterScheme) is { } url
                    ? PostgreSqlConnections.FromUrl(url)
                    : ConnectionParseResult.Failure(ConnectionErrors.PostgreSqlInvalid),
                DatabaseProvider.SqlServer => ConnectionUrl.Parse(afterScheme) is { } url
                    ? SqlServerConnections.FromUrl(url)
                    : ConnectionParseResult.Failure(ConnectionErrors.SqlServerInvalid),
                _ => NotRecognized,
            };
        }
        return text.Contains('=', StringComparison.Ordinal) ? ParseAdoNet(text) : NotRecognized;
    }

    private static ConnectionParseResult NotRecognized => ConnectionParseResult.Failure(ConnectionErrors.NotRecognized);

    private ConnectionParseResult ParseAdoNet(string text)
    {
        var keys = new DbConnectionStringBuilder();
        try
        {
            keys.ConnectionString = text;
        }
        catch (ArgumentException)
        {
            return NotRecognized;
        }

        return AdoNetProviderDetector.Detect(keys) switch
        {
            DatabaseProvider.PostgreSql => PostgreSqlConnections.FromAdoNet(text),
            DatabaseProvider.SqlServer => SqlServerConnections.FromAdoNet(text),
            DatabaseProvider.Sqlite => SqliteConnections.FromAdoNet(keys, _sqliteFolder),
            _ => NotRecognized,
        };
    }
}
