using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>
/// Turns a failure to open a customer database into one sentence the user can act on. Driver
/// messages are never repeated: they can quote the connection string, user names or server internals.
/// </summary>
public static class ConnectionFailureExplainer
{
    public const string LoginRefused = "The database refused the login: check the user name and password.";

    public static string Explain(DatabaseProvider provider, Exception error, string description)
    {
        ArgumentNullException.ThrowIfNull(error);
        var dialect = CustomerDialects.Of(provider);
        var causes = Causes(error).ToList();

        // Specific answers from the server first; a wrapped socket error or timeout only means "unreachable".
        foreach (var cause in causes)
        {
            if (dialect.ExplainServerAnswer(cause, description) is { } sentence) return sentence;
        }
        if (dialect.IsNetworked && causes.Any(dialect.MeansUnreachable))
        {
            return $"Could not reach {description}: check the host, port and firewall.";
        }
        return $"{description} could not be opened: {error.GetType().Name}.";
    }

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
