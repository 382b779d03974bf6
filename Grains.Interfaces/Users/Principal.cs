namespace OrleansAssistant.Grains.Interfaces.Users;

/// <summary>
/// The caller as authorization sees it, read fresh from the user grain on every request so that a
/// removal takes effect at once. <see cref="Role"/> is the organization role (never Admin);
/// admin rights are the separate <see cref="IsAdmin"/> flag.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.Principal")]
public sealed record Principal(
    [property: Id(0)] long UserId,
    [property: Id(1)] UserRole Role,
    [property: Id(2)] string? OrgId,
    [property: Id(3)] bool IsAdmin);
