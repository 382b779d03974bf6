namespace OrleansAssistant.Grains.Dashboard;

/// <summary>What <see cref="DashboardSessionGrain"/> stores; the grain key is the token's hash, and the token itself is never kept.</summary>
[GenerateSerializer, Alias("OrleansAssistant.DashboardSessionState")]
public sealed class DashboardSessionState
{
    [Id(0)] public string Username { get; set; } = string.Empty;

    [Id(1)] public long UserId { get; set; }

    [Id(2)] public string OrgId { get; set; } = string.Empty;

    /// <summary>The account's version at login; the session ends once the account's moves on (reset or disabled).</summary>
    [Id(3)] public int CredentialsVersion { get; set; }

    [Id(4)] public DateTimeOffset StartedAt { get; set; }

    /// <summary>The last request as last stored; may trail the real one by up to <see cref="DashboardSessionGrain.TouchInterval"/>.</summary>
    [Id(5)] public DateTimeOffset LastActiveAt { get; set; }
}
