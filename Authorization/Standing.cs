using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Authorization;

/// <summary>Where a person stands towards organizations; admin rights are separate and never change it.</summary>
internal enum Standing
{
    Unregistered,
    /// <summary>Registered, in no organization.</summary>
    Standalone,
    Member,
    Owner,
    /// <summary>Role and organization disagree (e.g. an org role without an org id): only what every registered person may do.</summary>
    Unsettled,
}

internal static class Standings
{
    public static Standing Of(Principal? principal) => principal switch
    {
        null => Standing.Unregistered,
        { Role: UserRole.User, OrgId: null } => Standing.Standalone,
        { Role: UserRole.OrgMember, OrgId: not (null or "") } => Standing.Member,
        { Role: UserRole.OrgOwner, OrgId: not (null or "") } => Standing.Owner,
        _ => Standing.Unsettled,
    };
}
