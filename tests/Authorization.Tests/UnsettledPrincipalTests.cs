using OrleansAssistant.Grains.Interfaces.Users;
using static OrleansAssistant.Authorization.Tests.TestPrincipals;

namespace OrleansAssistant.Authorization.Tests;

/// <summary>A principal whose role and organization disagree gets only what every registered person gets.</summary>
public sealed class UnsettledPrincipalTests
{
    public static TheoryData<Principal> Unsettled() =>
    [
        new Principal(7, UserRole.OrgOwner, null, IsAdmin: false),
        new Principal(7, UserRole.OrgMember, "", IsAdmin: false),
        new Principal(7, UserRole.User, OwnOrg, IsAdmin: false),
        new Principal(7, UserRole.Admin, OwnOrg, IsAdmin: true),
    ];

    [Theory, MemberData(nameof(Unsettled))]
    public void Check_OrganizationAndStandaloneActions_AreRefused(Principal principal)
    {
        AssistantAction[] actions =
        [
            AssistantAction.ViewOverview, AssistantAction.Invite, AssistantAction.CreateOrganization,
            AssistantAction.Join, AssistantAction.AddPersonalDatabase, AssistantAction.AddOrgDatabase,
        ];

        Assert.All(actions, action =>
            Assert.Equal(Refusals.MembershipInFlux, AuthorizationPolicy.Instance.Check(principal, action).Reason));
    }

    [Theory, MemberData(nameof(Unsettled))]
    public void Check_RegisteredActions_AreAllowed(Principal principal)
    {
        Assert.True(AuthorizationPolicy.Instance.Check(principal, AssistantAction.AskQuestion).Allowed);
        Assert.True(AuthorizationPolicy.Instance.Check(principal, AssistantAction.UseDatabase, ResourceScope.ForUser(7)).Allowed);
    }

    [Theory, MemberData(nameof(Unsettled))]
    public void UseDatabase_OrganizationDatabase_IsRefused(Principal principal) =>
        Assert.False(AuthorizationPolicy.Instance.Check(principal, AssistantAction.UseDatabase, ResourceScope.ForOrganization(OwnOrg)).Allowed);
}
