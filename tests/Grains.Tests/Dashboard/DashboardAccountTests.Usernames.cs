using OrleansAssistant.Grains.Dashboard;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Tests.Dashboard;

public sealed partial class DashboardAccountTests
{
    [Theory]
    [InlineData("Acme Café & Co", UserRole.OrgOwner, 42, "owner_acmecafeco_42")]
    [InlineData("Hello, World! (EU)", UserRole.OrgMember, 7, "member_helloworldeu_7")]
    [InlineData("  ACME   Corp  ", UserRole.OrgOwner, 1, "owner_acmecorp_1")]
    [InlineData("Team-42.io", UserRole.OrgMember, 3, "member_team42io_3")]
    [InlineData("Zürich Straße Ærø", UserRole.OrgOwner, 5, "owner_zurichstrasseaero_5")]
    [InlineData("Łódź Śląsk İzmir", UserRole.OrgOwner, 6, "owner_lodzslaskizmir_6")]
    [InlineData("😀 Emoji Co", UserRole.OrgMember, 8, "member_emojico_8")]
    [InlineData("東京株式会社", UserRole.OrgMember, 9, "member_org_9")]
    [InlineData("The Quick Brown Fox Jumps Over", UserRole.OrgOwner, 10, "owner_thequickbrownfoxjump_10")]
    [InlineData("Straße Straße Straße Straße", UserRole.OrgOwner, 11, "owner_strassestrassestrass_11")]
    [InlineData("ABCDEFGHIJKLMNOPQRSß", UserRole.OrgOwner, 14, "owner_abcdefghijklmnopqrss_14")]
    [InlineData("!!! --- ???", UserRole.OrgOwner, 12, "owner_org_12")]
    [InlineData("", UserRole.OrgMember, 13, "member_org_13")]
    public void Username_FromRoleOrgAndUser_FollowsSlugRules_AndEndsInARandomPart(string orgName, UserRole role, long userId, string expected)
    {
        Assert.Matches($"^{expected}_[a-z0-9]{{{DashboardUsername.RandomLength}}}$", DashboardUsername.New(role, orgName, userId));
    }

    [Fact]
    public void Username_ForTheSamePersonAndOrganizationName_DiffersEveryTime()
    {
        var names = Enumerable.Range(0, 50).Select(_ => DashboardUsername.New(UserRole.OrgMember, "Acme", 4001)).ToHashSet();

        Assert.Equal(50, names.Count);
    }

    [Theory]
    [InlineData(UserRole.User)]
    [InlineData(UserRole.Admin)]
    public void Username_ForRoleOutsideAnOrganization_Throws(UserRole role)
    {
        Assert.Throws<ArgumentException>("role", () => DashboardUsername.New(role, "Acme", 1));
    }
}
