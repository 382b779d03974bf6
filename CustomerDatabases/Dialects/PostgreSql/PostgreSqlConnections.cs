using Npgsql;
using OrleansAssistant.CustomerDatabases.Connections;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.PostgreSql;

/// <summary>Turns PostgreSQL URLs and Npgsql strings into one checked Npgsql connection string.</summary>
internal static class PostgreSqlConnections
{
    public const int DefaultPort = 5432;

    public static ConnectionParseResult FromUrl(ConnectionUrl url)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.Port ?? DefaultPort,
            // jdbc:postgresql passes the login as parameters; libpq URLs may name the database so too.
            Database = url.Database ?? url.Parameter("dbname"),
            Username = url.User ?? url.Parameter("user"),
            Password = url.Password ?? url.Parameter("password"),
        };
        if (url.Parameter("sslmode") is { } sslMode)
        {
            // libpq spells the modes verify-ca / verify-full; Npgsql's enum has no dash.
            if (!Enum.TryParse<SslMode>(sslMode.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode)) return Invalid;
            builder.SslMode = mode;
        }
        else if (string.Equals(url.Parameter("ssl"), "true", StringComparison.OrdinalIgnoreCase))
        {
            builder.SslMode = SslMode.Require;
        }
        // Other parameters (application_name, connect_timeout, driver options …) do not change what we connect to.
        return Finish(builder);
    }

    public static ConnectionParseResult FromAdoNet(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception error) when (DriverRejection.IsRejection(error))
        {
            return Invalid;
        }
        return Finish(builder);
    }

    private static ConnectionParseResult Invalid => ConnectionParseResult.Failure(ConnectionErrors.PostgreSqlInvalid);

    private static ConnectionParseResult Finish(NpgsqlConnectionStringBuilder builder)
    {
        if (UsesThisServersFiles(builder)) return ConnectionParseResult.Failure(ConnectionErrors.PostgreSqlLocalOption);
        // Without a password Npgsql falls back to this server's PGPASSWORD and ~/.pgpass, and without a
        // user to this process's account: a customer connection must bring its own login.
        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database)
            || string.IsNullOrEmpty(builder.Username) || string.IsNullOrEmpty(builder.Password))
        {
            return ConnectionParseResult.Failure(ConnectionErrors.PostgreSqlIncomplete);
        }

        builder.Timeout = ConnectionDefaults.ConnectTimeoutSeconds;
        builder.Pooling = true;
        var description = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        return ConnectionParseResult.Success(new CustomerConnection(DatabaseProvider.PostgreSql, builder.ToString(), description));
    }

    // Unix sockets reach databases on this machine with its identity (peer auth); certificate, key and
    // password files would be read from this machine's disk.
    private static bool UsesThisServersFiles(NpgsqlConnectionStringBuilder builder) =>
        (builder.Host ?? "").Split(',').Any(host => host.TrimStart().StartsWith('/') || host.TrimStart().StartsWith('@'))
        || !string.IsNullOrEmpty(builder.Passfile)
        || !string.IsNullOrEmpty(builder.RootCertificate)
        || !string.IsNullOrEmpty(builder.SslCertificate)
        || !string.IsNullOrEmpty(builder.SslKey);
}
