using Microsoft.Data.SqlClient;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.SqlServer;

/// <summary>Turns SQL Server URLs (mssql://, sqlserver://, jdbc:sqlserver://) and SqlClient strings into one checked SqlClient connection string.</summary>
internal static class SqlServerConnections
{
    // URL parameters that map onto a SqlClient keyword; the builder parses their values (yes/no/true/strict …).
    private static readonly (string[] Names, string Keyword)[] Options =
    [
        (["encrypt"], "Encrypt"),
        (["trustServerCertificate"], "TrustServerCertificate"),
        (["hostNameInCertificate"], "HostNameInCertificate"),
    ];

    public static ConnectionParseResult FromUrl(ConnectionUrl url)
    {
        var host = url.Host.Length > 0 ? url.Host : url.Parameter("serverName", "server");
        var port = url.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? url.Parameter("portNumber", "port");
        var builder = new SqlConnectionStringBuilder();
        try
        {
            builder.DataSource = port is null ? host ?? "" : $"{host},{port}";
            builder.InitialCatalog = url.Database ?? url.Parameter("databaseName", "database") ?? "";
            builder.UserID = url.User ?? url.Parameter("user", "userName", "uid") ?? "";
            builder.Password = url.Password ?? url.Parameter("password", "pwd") ?? "";
            foreach (var (names, keyword) in Options)
            {
                if (url.Parameter(names) is { } value) builder[keyword] = value;
            }
        }
        catch (Exception error) when (DriverRejection.IsRejection(error))
        {
            return Invalid;
        }
        // Other parameters (driver=ODBC Driver 18…, charset, applicationName …) belong to other client libraries.
        return Finish(builder);
    }

    public static ConnectionParseResult FromAdoNet(string connectionString)
    {
        SqlConnectionStringBuilder builder;
        try
        {
            builder = new SqlConnectionStringBuilder(connectionString);
        }
        catch (Exception error) when (DriverRejection.IsRejection(error))
        {
            return Invalid;
        }
        return Finish(builder);
    }

    private static ConnectionParseResult Invalid => ConnectionParseResult.Failure(ConnectionErrors.SqlServerInvalid);

    private static ConnectionParseResult Finish(SqlConnectionStringBuilder builder)
    {
        // Windows, Kerberos and managed-identity logins would use this server's identity, and a server
        // certificate or attached file would be read from this server's disk: only SQL logins are accepted.
        var sqlLogin = !builder.IntegratedSecurity
            && builder.Authentication is SqlAuthenticationMethod.NotSpecified or SqlAuthenticationMethod.SqlPassword
            && string.IsNullOrEmpty(builder.ServerCertificate)
            && string.IsNullOrEmpty(builder.AttachDBFilename);
        if (!sqlLogin || string.IsNullOrWhiteSpace(builder.DataSource) || string.IsNullOrWhiteSpace(builder.InitialCatalog)
            || string.IsNullOrEmpty(builder.UserID) || string.IsNullOrEmpty(builder.Password))
        {
            return ConnectionParseResult.Failure(ConnectionErrors.SqlServerIncomplete);
        }

        builder.ConnectTimeout = ConnectionDefaults.ConnectTimeoutSeconds;
        builder.Pooling = true;
        var description = $"SQL Server database '{builder.InitialCatalog}' on {builder.DataSource}";
        return ConnectionParseResult.Success(new CustomerConnection(DatabaseProvider.SqlServer, builder.ToString(), description));
    }
}
