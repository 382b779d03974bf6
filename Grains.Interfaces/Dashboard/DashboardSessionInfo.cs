using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Interfaces.Dashboard;

/// <summary>
/// A live dashboard session: who it belongs to and, in <see cref="Principal"/>, their rights as the
/// user grain states them now (not as they were at login).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.DashboardSessionInfo")]
public sealed record DashboardSessionInfo(
    [property: Id(0)] string Username,
    [property: Id(1)] Principal Principal,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt);
