namespace OrleansAssistant.Authorization;

/// <summary>Decides whether a person's standing puts them in an action's audience, and if not, what to tell them.</summary>
internal static class AudienceRule
{
    public static AuthorizationDecision Check(Audience audience, Standing standing, bool isAdmin, AssistantAction action)
    {
        if (audience == Audience.Anyone)
        {
            return AuthorizationDecision.Allow;
        }

        if (standing == Standing.Unregistered)
        {
            return AuthorizationDecision.Refuse(Refusals.NotRegistered);
        }

        // Members get one sentence for every way of adding a database, whichever /adddb resolved to.
        if (standing == Standing.Member && action is AssistantAction.AddPersonalDatabase or AssistantAction.AddOrgDatabase)
        {
            return AuthorizationDecision.Refuse(Refusals.MembersCannotAddDatabases);
        }

        return audience switch
        {
            Audience.Registered => AuthorizationDecision.Allow,
            Audience.Administrators => isAdmin ? AuthorizationDecision.Allow : AuthorizationDecision.Refuse(Refusals.AdministratorsOnly),
            Audience.Standalone => Standalone(standing),
            Audience.Organization => InOrganization(standing),
            Audience.OrganizationOwner => OrganizationOwner(standing),
            _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown audience."),
        };
    }

    private static AuthorizationDecision Standalone(Standing standing) => standing switch
    {
        Standing.Standalone => AuthorizationDecision.Allow,
        Standing.Member or Standing.Owner => AuthorizationDecision.Refuse(Refusals.AlreadyInOrganization),
        _ => AuthorizationDecision.Refuse(Refusals.MembershipInFlux),
    };

    private static AuthorizationDecision InOrganization(Standing standing) => standing switch
    {
        Standing.Member or Standing.Owner => AuthorizationDecision.Allow,
        Standing.Standalone => AuthorizationDecision.Refuse(Refusals.NotInOrganization),
        _ => AuthorizationDecision.Refuse(Refusals.MembershipInFlux),
    };

    private static AuthorizationDecision OrganizationOwner(Standing standing) => standing switch
    {
        Standing.Owner => AuthorizationDecision.Allow,
        Standing.Member => AuthorizationDecision.Refuse(Refusals.OwnerOnly),
        Standing.Standalone => AuthorizationDecision.Refuse(Refusals.NoOrganizationToOwn),
        _ => AuthorizationDecision.Refuse(Refusals.MembershipInFlux),
    };
}
