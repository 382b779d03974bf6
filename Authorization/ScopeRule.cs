using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Authorization;

/// <summary>
/// The resource half of the policy: what an action touches must be the caller's own organization's
/// or the caller's own. Admin rights play no part here, so they never open another org's data.
/// </summary>
internal static class ScopeRule
{
    public static AuthorizationDecision Check(Principal principal, Standing standing, AssistantAction action, ResourceScope? resource)
    {
        if (action == AssistantAction.UseDatabase)
        {
            return Database(principal, standing, resource);
        }

        if (action == AssistantAction.CurateVerifiedQueries)
        {
            return Curator(principal, standing, resource);
        }

        // The organization being created or joined is by definition not yet the caller's.
        if (resource is null || action is AssistantAction.CreateOrganization or AssistantAction.Join)
        {
            return AuthorizationDecision.Allow;
        }

        return Owned(principal, standing, resource, Refusals.AnotherOrganization, Refusals.SomeoneElses);
    }

    // A question needs a database to go to; which one decides everything.
    private static AuthorizationDecision Database(Principal principal, Standing standing, ResourceScope? resource) =>
        resource is null || resource == ResourceScope.None
            ? AuthorizationDecision.Refuse(Refusals.NoDatabaseChosen)
            : Owned(principal, standing, resource, Refusals.NoDatabaseAccess, Refusals.NoDatabaseAccess);

    // The owner of an organization's database is the organization's owner; the shared demo database has no owner, so administrators curate it.
    private static AuthorizationDecision Curator(Principal principal, Standing standing, ResourceScope? resource)
    {
        if (resource is null)
        {
            return AuthorizationDecision.Refuse(Refusals.NoDatabaseChosen);
        }
        if (resource == ResourceScope.None)
        {
            return principal.IsAdmin ? AuthorizationDecision.Allow : AuthorizationDecision.Refuse(Refusals.AdministratorsOnly);
        }
        if (resource.OrgId is not null && standing == Standing.Member)
        {
            return AuthorizationDecision.Refuse(Refusals.OwnerOnly);
        }
        return Owned(principal, standing, resource, Refusals.NoDatabaseAccess, Refusals.NoDatabaseAccess);
    }

    private static AuthorizationDecision Owned(
        Principal principal, Standing standing, ResourceScope resource, string otherOrganization, string otherPerson)
    {
        if (resource.OrgId is { } orgId)
        {
            var inThatOrganization = standing is Standing.Member or Standing.Owner
                && string.Equals(orgId, principal.OrgId, StringComparison.Ordinal);
            return inThatOrganization ? AuthorizationDecision.Allow : AuthorizationDecision.Refuse(otherOrganization);
        }

        if (resource.OwnerUserId is { } ownerId)
        {
            return ownerId == principal.UserId ? AuthorizationDecision.Allow : AuthorizationDecision.Refuse(otherPerson);
        }

        return AuthorizationDecision.Allow;
    }
}
