namespace OrleansAssistant.Hosting;

public enum ClusteringMode
{
    /// <summary>One silo on this machine; no membership database.</summary>
    Localhost,
    /// <summary>Membership in a relational database through Orleans ADO.NET clustering.</summary>
    AdoNet,
}
