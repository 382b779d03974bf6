namespace OrleansAssistant.CustomerDatabases.Execution;

/// <summary>Limits on every query against a customer database; the SQL cannot switch them off.</summary>
public sealed record QueryLimits
{
    public static readonly QueryLimits Default = new();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public int MaxRows { get; init; } = 1000;
    public int MaxConcurrentPerUser { get; init; } = 10;
    public TimeSpan VerifyTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>A pooled connection unused this long is probed with <c>SELECT 1</c> before the next query.</summary>
    public TimeSpan IdleProbeAfter { get; init; } = TimeSpan.FromMinutes(5);
}
