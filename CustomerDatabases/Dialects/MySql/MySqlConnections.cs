using System.Data.Common;
using System.Globalization;
using MySqlConnector;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.MySql;

/// <summary>
/// Turns MySQL / MariaDB URLs (<c>mysql://</c>, <c>mariadb://</c>, SQLAlchemy's <c>mysql+pymysql://</c>, <c>jdbc:mysql://</c>)
/// and MySqlConnector strings into one checked MySqlConnector connection string.
/// </summary>
internal static class MySqlConnections
{
    public const int DefaultPort = 3306;

    // URL parameters naming this server's files or sockets (PyMySQL, mysqlclient, JDBC and libmysql spellings).
    private static readonly string[] LocalFileParameters =
    [
        "unix_socket", "socket", "read_default_file", "read_default_group", "ssl_ca", "ssl_cert", "ssl_key", "ssl_capath",
        "ssl-ca", "ssl-cert", "ssl-key", "ssl-capath", "sslca", "sslcert", "sslkey", "trustCertificateKeyStoreUrl",
        "clientCertificateKeyStoreUrl", "serverRsaPublicKeyFile", "server_public_key_path", "namedPipePath", "pipe",
    ];

    /// <summary>
    /// Whether the login could change data: any write or schema privilege granted to it globally, on a database or on a
    /// table (information_schema names the grantee <c>'user'@'host'</c>, CURRENT_USER() gives <c>user@host</c>; the host
    /// follows the last '@'). Privileges that come only through roles are not seen.
    /// </summary>
    public const string WriteAccessQuery = """
        SELECT EXISTS (
            SELECT 1
            FROM (SELECT CONCAT('''', LEFT(me.account, CHAR_LENGTH(me.account) - CHAR_LENGTH(SUBSTRING_INDEX(me.account, '@', -1)) - 1),
                                '''@''', SUBSTRING_INDEX(me.account, '@', -1), '''') AS grantee
                  FROM (SELECT CURRENT_USER() AS account) AS me) AS login
            JOIN (SELECT GRANTEE, PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES
                  UNION ALL SELECT GRANTEE, PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES
                  UNION ALL SELECT GRANTEE, PRIVILEGE_TYPE FROM information_schema.TABLE_PRIVILEGES) AS granted
              ON granted.GRANTEE = login.grantee
            WHERE granted.PRIVILEGE_TYPE IN ('INSERT', 'UPDATE', 'DELETE', 'DROP', 'CREATE', 'ALTER', 'INDEX', 'CREATE VIEW',
                                             'TRIGGER', 'FILE', 'SUPER', 'DELETE HISTORY', 'CREATE ROUTINE', 'ALTER ROUTINE'))
        """;

    public static ConnectionParseResult FromUrl(ConnectionUrl url)
    {
        if (LocalFileParameters.Any(name => url.Parameter(name) is not null)) return LocalOption;
        var builder = new MySqlConnectionStringBuilder
        {
            Server = url.Host,
            Port = (uint)(url.Port ?? DefaultPort),
            // JDBC passes the login as parameters.
            Database = url.Database ?? url.Parameter("database", "db") ?? "",
            UserID = url.User ?? url.Parameter("user", "username") ?? "",
            Password = url.Password ?? url.Parameter("password", "passwd") ?? "",
        };
        if (url.Parameter("sslmode", "ssl-mode", "ssl_mode", "sslMode") is { } sslMode)
        {
            if (SslModeNamed(sslMode) is not { } mode) return Invalid;
            builder.SslMode = mode;
        }
        else if (url.Parameter("useSSL", "ssl", "requireSSL") is { } ssl && IsTrue(ssl))
        {
            builder.SslMode = MySqlSslMode.Required;
        }
        // Other parameters (charset, autocommit, connect_timeout, serverTimezone …) do not change what we connect to;
        // MySqlConnector always speaks utf8mb4.
        return Finish(builder);
    }

    public static ConnectionParseResult FromAdoNet(string connectionString)
    {
        MySqlConnectionStringBuilder builder;
        try
        {
            builder = new MySqlConnectionStringBuilder(connectionString);
        }
        catch (Exception error) when (DriverRejection.IsRejection(error))
        {
            return Invalid;
        }
        return Finish(builder);
    }

    private static ConnectionParseResult Invalid => ConnectionParseResult.Failure(ConnectionErrors.MySqlInvalid);

    private static ConnectionParseResult LocalOption => ConnectionParseResult.Failure(ConnectionErrors.MySqlLocalOption);

    private static ConnectionParseResult Finish(MySqlConnectionStringBuilder builder)
    {
        if (UsesThisServersFiles(builder)) return LocalOption;
        // Without a password MySqlConnector would try an empty one, and without a user this process's account name.
        if (string.IsNullOrWhiteSpace(builder.Server) || string.IsNullOrWhiteSpace(builder.Database)
            || string.IsNullOrEmpty(builder.UserID) || string.IsNullOrEmpty(builder.Password))
        {
            return ConnectionParseResult.Failure(ConnectionErrors.MySqlIncomplete);
        }

        // LOAD DATA LOCAL would let the server ask for this machine's files; user variables in command text are not ours to allow.
        builder.AllowLoadLocalInfile = false;
        builder.AllowUserVariables = false;
        builder.ConnectionTimeout = ConnectionDefaults.ConnectTimeoutSeconds;
        builder.Pooling = true;
        var port = builder.Port.ToString(CultureInfo.InvariantCulture);
        var description = $"MySQL database '{builder.Database}' on {builder.Server}:{port}";
        return ConnectionParseResult.Success(new CustomerConnection(DatabaseProvider.MySql, builder.ConnectionString, description));
    }

    // Unix sockets and pipes reach servers on this machine; certificate, key and public-key files and this machine's
    // certificate store would be read here.
    private static bool UsesThisServersFiles(MySqlConnectionStringBuilder builder) =>
        builder.ConnectionProtocol != MySqlConnectionProtocol.Sockets
        || builder.Server.Split(',').Any(host => host.TrimStart().StartsWith('/') || host.TrimStart().StartsWith('.'))
        || !string.IsNullOrEmpty(builder.SslCa)
        || !string.IsNullOrEmpty(builder.SslCert)
        || !string.IsNullOrEmpty(builder.SslKey)
        || !string.IsNullOrEmpty(builder.CertificateFile)
        || !string.IsNullOrEmpty(builder.ServerRsaPublicKeyFile)
        || builder.CertificateStoreLocation != MySqlCertificateStoreLocation.None;

    /// <summary>The TLS mode as MySqlConnector, JDBC (VERIFY_IDENTITY) and libmysql (DISABLED, verify-ca) spell it.</summary>
    private static MySqlSslMode? SslModeNamed(string text) =>
        text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "DISABLED" or "NONE" or "FALSE" => MySqlSslMode.None,
            "PREFERRED" => MySqlSslMode.Preferred,
            "REQUIRED" or "TRUE" => MySqlSslMode.Required,
            "VERIFYCA" => MySqlSslMode.VerifyCA,
            "VERIFYIDENTITY" or "VERIFYFULL" => MySqlSslMode.VerifyFull,
            _ => null,
        };

    private static bool IsTrue(string value) => value.Trim().ToUpperInvariant() is "TRUE" or "1" or "YES";

    /// <summary>
    /// Keys only MySqlConnector reads (Npgsql and SqlClient share Server, Port, User Id and SslMode), the MySQL port,
    /// and TLS modes only MySQL spells so (Npgsql says Prefer / Require / Disable).
    /// </summary>
    public static bool ClaimsAdoNet(DbConnectionStringBuilder keys) =>
        OwnKeys.Any(keys.ContainsKey)
        || keys.TryGetValue("port", out var port) && string.Equals(port?.ToString()?.Trim(), "3306", StringComparison.Ordinal)
        || SslModeValue(keys) is "NONE" or "PREFERRED" or "REQUIRED" or "DISABLED";

    private static readonly string[] OwnKeys =
    [
        "allowuservariables", "allow user variables", "allowloadlocalinfile", "allow load local infile",
        "characterset", "character set", "charset", "convertzerodatetime", "convert zero datetime", "allowzerodatetime",
        "allow zero datetime", "allowpublickeyretrieval", "allow public key retrieval", "treattinyasboolean",
        "treat tiny as boolean", "guidformat", "oldguids", "old guids", "useaffectedrows", "use affected rows",
        "usecompression", "use compression", "compress", "connectionprotocol", "connection protocol", "protocol",
        "sslca", "ssl-ca", "sslcert", "ssl-cert", "sslkey", "ssl-key", "cacertificatefile", "serverrsapublickeyfile",
        "defaultcommandtimeout", "default command timeout", "ignoreprepare", "interactivesession", "nobackslashescapes",
    ];

    private static string? SslModeValue(DbConnectionStringBuilder keys) =>
        (keys.TryGetValue("sslmode", out var value) || keys.TryGetValue("ssl mode", out value))
            ? value?.ToString()?.Trim().ToUpperInvariant()
            : null;
}
