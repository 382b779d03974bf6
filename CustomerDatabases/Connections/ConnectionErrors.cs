namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>
/// The sentences a rejected connection string gets. Each shows a correct example and none repeats
/// any part of the input: it may hold a password.
/// </summary>
internal static class ConnectionErrors
{
    public const string PostgreSqlExample = "postgresql://user:password@host:5432/database";
    public const string SqlServerExample = "Server=host;Database=db;User Id=user;Password=secret;TrustServerCertificate=true";
    public const string SqliteExample = "sqlite:///sales.db";
    public const string MySqlExample = "mysql://user:password@host:3306/database";

    public const string NotRecognized =
        $"That is not a connection string I can use. Examples: {PostgreSqlExample}, {MySqlExample}, {SqlServerExample}, {SqliteExample}";

    public const string PostgreSqlInvalid =
        $"That PostgreSQL connection string could not be read; it should look like {PostgreSqlExample}";

    public const string PostgreSqlIncomplete =
        $"A PostgreSQL connection string needs a host, a database, a user and a password, e.g. {PostgreSqlExample}";

    public const string PostgreSqlLocalOption =
        $"That PostgreSQL connection string refers to files or sockets on this server, which is not allowed; use a network host with user and password, e.g. {PostgreSqlExample}?sslmode=require";

    public const string MySqlInvalid =
        $"That MySQL / MariaDB connection string could not be read; it should look like {MySqlExample}";

    public const string MySqlIncomplete =
        $"A MySQL / MariaDB connection string needs a host, a database, a user and a password, e.g. {MySqlExample}";

    public const string MySqlLocalOption =
        $"That MySQL / MariaDB connection string refers to files, sockets or pipes on this server, which is not allowed; use a network host with user and password, e.g. {MySqlExample}?ssl-mode=REQUIRED";

    public const string SqlServerInvalid =
        $"That SQL Server connection string could not be read; it should look like {SqlServerExample}";

    public const string SqlServerIncomplete =
        $"A SQL Server connection string needs a server, a database, a user and a password (SQL Server logins only), e.g. {SqlServerExample}";

    // One sentence for a missing file and for one outside the folder, so nobody can probe which files exist.
    public const string SqliteNotAllowed =
        $"A SQLite database must be an existing file in the databases folder, given by its path alone, e.g. {SqliteExample} or Data Source=sales.db";
}
