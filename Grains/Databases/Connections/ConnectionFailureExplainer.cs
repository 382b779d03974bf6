using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Databases.Connections;

/// <summary>
/// Turns a failure to open a customer database into one sentence the user can act on. Driver
/// messages are never repeated: they can quote the connection string, user names or server internals.
/// </summary>
public static class ConnectionFailureExplainer
{
    public const string LoginRefused = "The database refused the login: check the user name and password.";

    // SqlClient error numbers: 18456 login failed; 4060 cannot open the requested database; the rest are
    // network failures and timeouts (-2 timeout, 53/40/-1/2 server not found, 10060/10061 refused, 11001 unknown host).
    private const int SqlLoginFailed = 18456;
    private const int SqlDatabaseUnavailable = 4060;
    private static readonly int[] SqlUnreachable = [-2, -1, 2, 40, 53, 258, 10060, 10061, 11001];

    // SQLite result codes: SQLITE_CANTOPEN and SQLITE_NOTADB.
    private const int SqliteCannotOpen = 14;
    private const int SqliteNotADatabase = 26;

    public static string Explain(DatabaseProvider provider, Exception error, string description)
    {
        ArgumentNullException.ThrowIfNull(error);
        var causes = Causes(error).ToList();

        // Specific answers from the server first; a wrapped socket error or timeout only means "unreachable".
        foreach (var cause in causes)
        {
            switch (cause)
            {
                case PostgresException { SqlState: "28P01" or "28000" }:
                case SqlException { Number: SqlLoginFailed }:
                    return LoginRefused;
                case PostgresException { SqlState: "3D000" }:
                    return $"{description} does not exist: check the database name.";
                case SqlException { Number: SqlDatabaseUnavailable }:
                    return $"{description} does not exist or this login may not open it: check the database name.";
                case SqliteException { SqliteErrorCode: SqliteNotADatabase }:
                    return $"{description} is not a SQLite database: check that the file is one.";
                case SqliteException { SqliteErrorCode: SqliteCannotOpen }:
                    return $"{description} could not be opened: check that the file exists and the server may read it.";
            }
        }

        if (provider != DatabaseProvider.Sqlite && causes.Any(IsUnreachable))
        {
            return $"Could not reach {description}: check the host, port and firewall.";
        }
        return $"{description} could not be opened: {error.GetType().Name}.";
    }

    // Timeouts arrive as TimeoutException inside NpgsqlException, as SqlException -2, or as our own cancellation.
    private static bool IsUnreachable(Exception cause) =>
        cause is SocketException or TimeoutException or OperationCanceledException
        || cause is SqlException sql && SqlUnreachable.Contains(sql.Number);

    private static IEnumerable<Exception> Causes(Exception error)
    {
        var pending = new Stack<Exception>([error]);
        while (pending.TryPop(out var cause))
        {
            yield return cause;
            if (cause is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            }
            else if (cause.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
