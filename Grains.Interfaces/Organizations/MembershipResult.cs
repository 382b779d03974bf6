using OrleansAssistant.Grains.Interfaces.Dashboard;

namespace OrleansAssistant.Grains.Interfaces.Organizations;

/// <summary>
/// Outcome of a membership operation: on success the organization and, when an account was made or
/// reset, the dashboard credentials (the only time the plain password exists); otherwise the error
/// and a message fit to show the user.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.MembershipResult")]
public sealed record MembershipResult(
    [property: Id(0)] MembershipError Error,
    [property: Id(1)] string Message,
    [property: Id(2)] OrganizationInfo? Organization = null,
    [property: Id(3)] DashboardCredentials? Credentials = null)
{
    public bool Succeeded => Error == MembershipError.None;
}
