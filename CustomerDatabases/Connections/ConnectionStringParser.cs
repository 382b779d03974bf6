using System.Data.Common;
using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.CustomerDatabases.Dialects.Sqlite;

namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>
/// Reads a connection string as users paste it (ADO.NET for Npgsql, SqlClient or Microsoft.Data.Sqlite,
/// or a URL such as <c>postgresql://…</c>, <c>mssql+pyodbc://…</c>, <c>jdbc:sqlserver://…</c>,
/// <c>sqlite:///…</c>) into a <see cref="CustomerConnection"/> its driver accepts, or one sentence
/// saying what a usable one looks like.
/// </summary>
/// <param name="sqliteFolder">Absolute path of the only folder whose SQLite files may be used.</param>
public sealed class ConnectionStringParser(string sqliteFolder)
{
    private readonly ConnectionRules _rules = new(new SqliteFolder(sqliteFolder));

    public ConnectionParseResult Parse(string input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0) return NotRecognized;

        if (ConnectionScheme.TryMatch(text, out var dialect, out var afterScheme))
        {
            return dialect is null ? NotRecognized : dialect.FromUrl(afterScheme, _rules);
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

        // The first dialect whose distinctive keys are there takes the string.
        var owner = CustomerDialects.All.FirstOrDefault(dialect => dialect.ClaimsAdoNet(keys));
        return owner is null ? NotRecognized : owner.FromAdoNet(text, keys, _rules);
    }
}
