using System.Data.Common;
using OrleansAssistant.CustomerDatabases.Connections;

namespace OrleansAssistant.CustomerDatabases.Dialects.MySql;

/// <summary>Turns MySQL / MariaDB URLs and MySqlConnector strings into one checked connection string.</summary>
internal static class MySqlConnections
{
    public const string WriteAccessQuery = "SELECT 1";

    public static ConnectionParseResult FromUrl(string afterScheme) => ConnectionParseResult.Failure(ConnectionErrors.NotRecognized);

    public static bool ClaimsAdoNet(DbConnectionStringBuilder keys) => false;

    public static ConnectionParseResult FromAdoNet(string text) => ConnectionParseResult.Failure(ConnectionErrors.NotRecognized);
}
