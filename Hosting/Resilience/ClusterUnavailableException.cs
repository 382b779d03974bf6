namespace OrleansAssistant.Hosting.Resilience;

/// <summary>Retries of a grain call ran out of time while the cluster stayed unreachable; the person must be told to try again.</summary>
public sealed class ClusterUnavailableException : Exception
{
    public ClusterUnavailableException()
    {
    }

    public ClusterUnavailableException(string message) : base(message)
    {
    }

    public ClusterUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
