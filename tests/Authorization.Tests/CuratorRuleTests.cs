namespace OrleansAssistant.Authorization.Tests;

/// <summary>Who may verify, edit and remove a database's question→SQL examples: it depends on whose database it is.</summary>
public sealed class CuratorRuleTests
{
    private static readonly AuthorizationPolicy Policy = AuthorizationPolicy.Instance;

    public static TheoryData<string, bool> OwnOrganizationDatabase => new()
    {
        { TestPrincipals.Unregistered, false },
        { TestPrincipals.User, false },
        { TestPrincipals.Member, false },
        { TestPrincipals.Owner, true },
        { TestPrincipals.Admin, false },
        { TestPrincipals.AdminOwner, true },
    };

    [Theory]
    [MemberData(nameof(OwnOrganizationDatabase))]
    public void OrganizationDatabase_OnlyItsOwnerCurates(string caller, bool allowed) =>
        Assert.Equal(allowed, Allowed(caller, ResourceScope.ForOrganization(TestPrincipals.OwnOrg)));

    [Theory]
    [InlineData(TestPrincipals.Owner)]
    [InlineData(TestPrincipals.AdminOwner)]
    public void AnotherOrganizationsDatabase_IsRefusedEvenToOwnersAndAdmins(string caller) =>
        Assert.False(Allowed(caller, ResourceScope.ForOrganization(TestPrincipals.OtherOrg)));

    [Fact]
    public void PersonalDatabase_OnlyItsOwnerCurates()
    {
        Assert.True(Allowed(TestPrincipals.User, ResourceScope.ForUser(1)));
        Assert.False(Allowed(TestPrincipals.User, ResourceScope.ForUser(TestPrincipals.Stranger)));
        Assert.False(Allowed(TestPrincipals.Admin, ResourceScope.ForUser(TestPrincipals.Stranger)));
    }

    [Theory]
    [InlineData(TestPrincipals.User, false)]
    [InlineData(TestPrincipals.Member, false)]
    [InlineData(TestPrincipals.Owner, false)]
    [InlineData(TestPrincipals.Admin, true)]
    [InlineData(TestPrincipals.AdminOwner, true)]
    public void SharedDemoDatabase_AdministratorsCurate(string caller, bool allowed) =>
        Assert.Equal(allowed, Allowed(caller, ResourceScope.None));

    [Fact]
    public void MemberIsToldOnlyTheOwnerCan()
    {
        var decision = Policy.Check(TestPrincipals.Get(TestPrincipals.Member), AssistantAction.CurateVerifiedQueries,
            ResourceScope.ForOrganization(TestPrincipals.OwnOrg));
        Assert.Equal(Refusals.OwnerOnly, decision.Reason);
    }

    private static bool Allowed(string caller, ResourceScope resource) =>
        Policy.Check(TestPrincipals.Get(caller), AssistantAction.CurateVerifiedQueries, resource).Allowed;
}

/// <summary>Whose a customer database is, as the curator rule needs it.</summary>
public sealed class DatabaseScopeTests
{
    private static readonly DateTimeOffset Added = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SharedDatabase_IsNobodysInParticular() =>
        Assert.Equal(ResourceScope.None, ResourceScope.ForDatabase(Database(ownerUserId: null, ownerOrgId: null, shared: true)));

    [Fact]
    public void PersonalDatabase_IsItsOwners() =>
        Assert.Equal(ResourceScope.ForUser(42), ResourceScope.ForDatabase(Database(ownerUserId: 42, ownerOrgId: null, shared: false)));

    [Fact]
    public void OrganizationDatabase_IsTheOrganizations() =>
        Assert.Equal(ResourceScope.ForOrganization(TestPrincipals.OwnOrg),
            ResourceScope.ForDatabase(Database(ownerUserId: null, ownerOrgId: TestPrincipals.OwnOrg, shared: false)));

    private static Grains.Interfaces.Databases.DatabaseInfo Database(long? ownerUserId, string? ownerOrgId, bool shared) =>
        new("db_test", "Shop", Grains.Interfaces.Databases.DatabaseProvider.Sqlite, "SQLite shop.db", ownerUserId, ownerOrgId, shared,
            IsActive: true, WriteMode: false, CreatedBy: 1, CreatedAt: Added);
}
