namespace OrleansAssistant.Grains.Dashboard;

/// <summary>What <see cref="DashboardLoginGrain"/> stores: the run of failed attempts, so a restart does not lift a lock.</summary>
[GenerateSerializer, Alias("OrleansAssistant.DashboardLoginState")]
public sealed class DashboardLoginState
{
    /// <summary>Failures in a row since the last success (or since a failure old enough to be forgotten).</summary>
    [Id(0)] public int FailedAttempts { get; set; }

    /// <summary>When the latest failure happened; a lock runs from the failure that reached the limit.</summary>
    [Id(1)] public DateTimeOffset LastFailureAt { get; set; }
}
