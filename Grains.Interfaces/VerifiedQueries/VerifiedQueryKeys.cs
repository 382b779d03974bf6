namespace OrleansAssistant.Grains.Interfaces.VerifiedQueries;

/// <summary>Keys of <see cref="IVerifiedQueriesGrain"/>: one grain per customer database.</summary>
public static class VerifiedQueryKeys
{
    public const string KeyPrefix = "vq_";

    public static string KeyOf(string databaseId) => KeyPrefix + databaseId;
}
