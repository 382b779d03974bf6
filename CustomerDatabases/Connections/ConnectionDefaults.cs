namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>
/// Settings every customer connection gets, whatever the user wrote. Pooling stays on with the
/// drivers' defaults (Npgsql: Maximum Pool Size 100; SqlClient: Max Pool Size 100; Microsoft.Data.Sqlite
/// pools without a cap), so repeated questions reuse connections.
/// </summary>
internal static class ConnectionDefaults
{
    /// <summary>An unreachable host is reported after this long instead of the drivers' 15 s.</summary>
    public const int ConnectTimeoutSeconds = 10;
}
