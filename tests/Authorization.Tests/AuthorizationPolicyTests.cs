using OrleansAssistant.Grains.Interfaces.Users;
using static OrleansAssistant.Authorization.Tests.TestPrincipals;

namespace OrleansAssistant.Authorization.Tests;

public sealed class AuthorizationPolicyTests
{
    private static readonly AuthorizationPolicy Policy = AuthorizationPolicy.Instance;

    // Start, Help, DashboardLogin have no caller to scope; creating or joining names an org that is not yet theirs.
    private static readonly HashSet<AssistantAction> Unscoped =
    [
        AssistantAction.DashboardLogin, AssistantAction.Start, AssistantAction.Help,
        AssistantAction.CreateOrganization, AssistantAction.Join,
    ];

    public static TheoryData<string, AssistantAction, bool> EveryCell()
    {
        var data = new TheoryData<string, AssistantAction, bool>();
        foreach (var (principal, action, allowed) in RbacTable.Cells())
        {
            data.Add(principal, action, allowed);
        }

        return data;
    }

    public static TheoryData<string, AssistantAction> EveryPair() => Pairs(RbacTable.Cells());

    public static TheoryData<string, AssistantAction> AllowedScopedPairs() =>
        Pairs(RbacTable.Cells().Where(cell => cell.Allowed && !Unscoped.Contains(cell.Action)));

    [Fact]
    public void Table_HasARowForEveryAction()
    {
        Assert.Equal(Enum.GetValues<AssistantAction>().Order(), RbacTable.Rows.Keys.Order());
        Assert.All(RbacTable.Rows.Values, row => Assert.Equal(Names.Count, row.Length));
    }

    [Theory, MemberData(nameof(EveryCell))]
    public void Check_WithoutResource_MatchesTheTable(string principal, AssistantAction action, bool allowed) =>
        Assert.Equal(allowed, Policy.Check(Get(principal), action).Allowed);

    [Theory, MemberData(nameof(EveryPair))]
    public void Check_Refusal_AlwaysCarriesAReason(string principal, AssistantAction action)
    {
        ResourceScope?[] resources =
        [
            null, ResourceScope.None, ResourceScope.ForOrganization(OwnOrg), ResourceScope.ForOrganization(OtherOrg),
            ResourceScope.ForUser(Get(principal)?.UserId ?? 1), ResourceScope.ForUser(Stranger),
        ];

        foreach (var resource in resources)
        {
            var decision = Policy.Check(Get(principal), action, resource);
            Assert.True(decision.Allowed || !string.IsNullOrWhiteSpace(decision.Reason), $"{action} on {resource}");
        }
    }

    [Theory, MemberData(nameof(AllowedScopedPairs))]
    public void Check_OwnResource_StaysAllowed(string principal, AssistantAction action)
    {
        var caller = Get(principal)!;
        var own = caller.OrgId is { } orgId ? ResourceScope.ForOrganization(orgId) : ResourceScope.ForUser(caller.UserId);
        Assert.True(Policy.Check(caller, action, own).Allowed);
        Assert.True(Policy.Check(caller, action, ResourceScope.ForUser(caller.UserId)).Allowed);
    }

    [Theory, MemberData(nameof(AllowedScopedPairs))]
    public void Check_AnotherOrganizationsResource_IsRefused(string principal, AssistantAction action)
    {
        var decision = Policy.Check(Get(principal), action, ResourceScope.ForOrganization(OtherOrg));
        Assert.Equal(new AuthorizationDecision(false, Refusals.AnotherOrganization), decision);
    }

    [Theory, MemberData(nameof(AllowedScopedPairs))]
    public void Check_SomeoneElsesResource_IsRefused(string principal, AssistantAction action)
    {
        var decision = Policy.Check(Get(principal), action, ResourceScope.ForUser(Stranger));
        Assert.Equal(new AuthorizationDecision(false, Refusals.SomeoneElses), decision);
    }

    [Theory]
    [InlineData(User, AssistantAction.CreateOrganization)]
    [InlineData(User, AssistantAction.Join)]
    [InlineData(Admin, AssistantAction.Join)]
    public void Check_OrganizationBeingJoinedOrCreated_IsNotScoped(string principal, AssistantAction action) =>
        Assert.True(Policy.Check(Get(principal), action, ResourceScope.ForOrganization(OtherOrg)).Allowed);

    [Theory]
    [InlineData(User, "own", true)]
    [InlineData(User, "stranger", false)]
    [InlineData(User, "own-org", false)]
    [InlineData(Admin, "own-org", false)]
    [InlineData(Member, "own", true)] // a personal database kept from before joining
    [InlineData(Member, "own-org", true)]
    [InlineData(Member, "other-org", false)]
    [InlineData(Member, "stranger", false)]
    [InlineData(Owner, "own-org", true)]
    [InlineData(Owner, "other-org", false)]
    [InlineData(AdminOwner, "own-org", true)]
    [InlineData(AdminOwner, "other-org", false)]
    [InlineData(AdminOwner, "stranger", false)]
    public void UseDatabase_IsDecidedByWhoOwnsTheDatabase(string principal, string database, bool allowed)
    {
        var caller = Get(principal)!;
        var resource = database switch
        {
            "own" => ResourceScope.ForUser(caller.UserId),
            "stranger" => ResourceScope.ForUser(Stranger),
            "own-org" => ResourceScope.ForOrganization(OwnOrg),
            _ => ResourceScope.ForOrganization(OtherOrg),
        };

        var expected = allowed ? AuthorizationDecision.Allow : new AuthorizationDecision(false, Refusals.NoDatabaseAccess);
        Assert.Equal(expected, Policy.Check(caller, AssistantAction.UseDatabase, resource));
    }

    [Fact]
    public void UseDatabase_MemberOfAnotherOrganization_IsRefusedThisOrganizationsDatabase()
    {
        var outsider = new Principal(6, UserRole.OrgMember, OtherOrg, IsAdmin: false);
        var decision = Policy.Check(outsider, AssistantAction.UseDatabase, ResourceScope.ForOrganization(OwnOrg));
        Assert.Equal(new AuthorizationDecision(false, Refusals.NoDatabaseAccess), decision);
    }

    [Theory]
    [InlineData(Unregistered, Refusals.NotRegistered)]
    [InlineData(User, Refusals.NoDatabaseChosen)]
    [InlineData(Owner, Refusals.NoDatabaseChosen)]
    public void UseDatabase_WithoutNamingOne_IsRefused(string principal, string reason)
    {
        Assert.Equal(new AuthorizationDecision(false, reason), Policy.Check(Get(principal), AssistantAction.UseDatabase));
        Assert.Equal(reason, Policy.Check(Get(principal), AssistantAction.UseDatabase, ResourceScope.None).Reason);
    }

    [Theory]
    [InlineData(Unregistered, AssistantAction.AskQuestion, Refusals.NotRegistered)]
    [InlineData(Unregistered, AssistantAction.ViewOverview, Refusals.NotRegistered)]
    [InlineData(Member, AssistantAction.AddPersonalDatabase, Refusals.MembersCannotAddDatabases)]
    [InlineData(Member, AssistantAction.AddOrgDatabase, Refusals.MembersCannotAddDatabases)]
    [InlineData(Member, AssistantAction.Invite, Refusals.OwnerOnly)]
    [InlineData(Member, AssistantAction.ViewCosts, Refusals.OwnerOnly)]
    [InlineData(Member, AssistantAction.Join, Refusals.AlreadyInOrganization)]
    [InlineData(Owner, AssistantAction.Join, Refusals.AlreadyInOrganization)]
    [InlineData(AdminOwner, AssistantAction.CreateOrganization, Refusals.AlreadyInOrganization)]
    [InlineData(User, AssistantAction.OrganizationInfo, Refusals.NotInOrganization)]
    [InlineData(User, AssistantAction.ResetDashboardPassword, Refusals.NotInOrganization)]
    [InlineData(User, AssistantAction.Invite, Refusals.NoOrganizationToOwn)]
    [InlineData(Owner, AssistantAction.ViewClusterDashboard, Refusals.AdministratorsOnly)]
    [InlineData(Owner, AssistantAction.UseDatabase, Refusals.NoDatabaseChosen)]
    public void Check_Refusal_SaysWhy(string principal, AssistantAction action, string reason) =>
        Assert.Equal(new AuthorizationDecision(false, reason), Policy.Check(Get(principal), action));

    [Fact]
    public void Check_UnknownAction_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy.Check(Get(Owner), (AssistantAction)999));

    private static TheoryData<string, AssistantAction> Pairs(IEnumerable<(string Principal, AssistantAction Action, bool Allowed)> cells)
    {
        var data = new TheoryData<string, AssistantAction>();
        foreach (var cell in cells)
        {
            data.Add(cell.Principal, cell.Action);
        }

        return data;
    }
}
