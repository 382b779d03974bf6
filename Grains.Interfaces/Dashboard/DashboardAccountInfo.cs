using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Interfaces.Dashboard;

/// <summary>A dashboard account without its secret.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.DashboardAccountInfo")]
public sealed record DashboardAccountInfo(
    [property: Id(0)] string Username,
    [property: Id(1)] long UserId,
    [property: Id(2)] string OrgId,
    [property: Id(3)] UserRole Role,
    [property: Id(4)] bool Enabled,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] int CredentialsVersion);
