using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Authorization;

/// <summary>
/// The one answer to "may this person do this action on this resource", shared by both gateways
/// and the grains. Pure and stateless: the caller reads a fresh <see cref="Principal"/> first.
/// </summary>
public sealed class AuthorizationPolicy
{
    /// <summary>The policy holds no state, so one instance serves everyone.</summary>
    public static AuthorizationPolicy Instance { get; } = new();

    /// <summary>
    /// Checks the role rules for <paramref name="action"/>, then that <paramref name="resource"/> (if any)
    /// belongs to the caller's organization or to the caller. A null principal is someone not
    /// registered or not logged in. <see cref="AssistantAction.UseDatabase"/> always needs a resource.
    /// </summary>
    public AuthorizationDecision Check(Principal? principal, AssistantAction action, ResourceScope? resource = null)
    {
        var standing = Standings.Of(principal);
        var byRole = AudienceRule.Check(ActionAudiences.Of(action), standing, principal?.IsAdmin == true, action);
        if (!byRole.Allowed || principal is null)
        {
            return byRole;
        }

        return ScopeRule.Check(principal, standing, action, resource);
    }
}
