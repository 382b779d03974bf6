namespace OrleansAssistant.Authorization;

/// <summary>Who an action is meant for, before any resource is looked at.</summary>
internal enum Audience
{
    /// <summary>Also people who never registered or are not logged in.</summary>
    Anyone,
    Registered,
    /// <summary>Registered and in no organization (creating or joining one, personal databases).</summary>
    Standalone,
    /// <summary>Owner and members of an organization.</summary>
    Organization,
    OrganizationOwner,
    Administrators,
}
