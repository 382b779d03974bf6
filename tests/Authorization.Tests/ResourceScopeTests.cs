namespace OrleansAssistant.Authorization.Tests;

public sealed class ResourceScopeTests
{
    [Fact]
    public void Factories_SetExactlyOneOwner()
    {
        Assert.Equal(("org", (long?)null), (ResourceScope.ForOrganization("org").OrgId, ResourceScope.ForOrganization("org").OwnerUserId));
        Assert.Equal(((string?)null, (long?)42), (ResourceScope.ForUser(42).OrgId, ResourceScope.ForUser(42).OwnerUserId));
        Assert.Equal(((string?)null, (long?)null), (ResourceScope.None.OrgId, ResourceScope.None.OwnerUserId));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void ForOrganization_BlankId_Throws(string orgId) =>
        Assert.Throws<ArgumentException>(() => ResourceScope.ForOrganization(orgId));

    [Fact]
    public void Equality_IsByValue() =>
        Assert.Equal(ResourceScope.ForOrganization("org"), ResourceScope.ForOrganization("org"));
}
