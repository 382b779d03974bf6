namespace OrleansAssistant.Grains.Dashboard;

/// <summary>What <see cref="DashboardLoginGrain"/> stores: each network's run of failures, so a restart does not lift a wait.</summary>
[GenerateSerializer, Alias("OrleansAssistant.DashboardLoginState")]
public sealed class DashboardLoginState
{
    /// <summary>Failure runs by client network (an IPv4 address or an IPv6 /64).</summary>
    [Id(2)] public Dictionary<string, NetworkFailures> Networks { get; set; } = [];
}

/// <summary>One network's failures at one username.</summary>
[GenerateSerializer, Alias("OrleansAssistant.NetworkFailures")]
public sealed class NetworkFailures
{
    /// <summary>Failures in a row since the last success (or since a failure old enough to be forgotten).</summary>
    [Id(0)] public int Count { get; set; }

    /// <summary>When the latest failure happened; the network's wait runs from it.</summary>
    [Id(1)] public DateTimeOffset LastAt { get; set; }
}
