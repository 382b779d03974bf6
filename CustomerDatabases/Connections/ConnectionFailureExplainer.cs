using OrleansAssistant.CustomerDatabases.Dialects;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Connections;

/// <summary>
/// Words a failure to open a customer database. The user gets one sentence whatever went wrong: a different answer for a
/// closed port, another service's port, a wrong password or a refused address would let anyone map the silo's network
/// and guess passwords through it. The log gets the detail. Driver messages are never shown: they can quote the
/// connection string, user names or server internals.
/// </summary>
public static class ConnectionFailureExplainer
{
    /// <summary>How the dialects name a refused login in <see cref="Detail"/>.</summary>
    public const string LoginRefused = "The database refused the login: check the user name and password.";

    public static string Explain(string description) =>
        $"Could not connect to {description} with these settings. Check the address, port, database name, user and password, " +
        "and that the server accepts connections from this service.";

    /// <summary>What actually happened, for the log only.</summary>
    public static string Detail(DatabaseProvider provider, Exception error, string description)
    {
        ArgumentNullException.ThrowIfNull(error);
        var dialect = CustomerDialects.Of(provider);
        var causes = Causes(error).ToList();
        if (causes.OfType<ConnectionTargetRefusedException>().FirstOrDefault() is { } refused) return $"target not allowed: {refused.Message}";
        foreach (var cause in causes)
        {
            if (dialect.ExplainServerAnswer(cause, description) is { } sentence) return $"server answered: {sentence}";
        }
        if (dialect.IsNetworked && causes.Any(dialect.MeansUnreachable)) return "unreachable";
        return $"could not be opened: {error.GetType().Name}";
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
