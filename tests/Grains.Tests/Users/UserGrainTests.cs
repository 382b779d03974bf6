using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Users;

[Collection(SiloCollection.Name)]
public sealed class UserGrainTests(SiloFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Register_FirstTime_CreatesAStandaloneUser()
    {
        var id = TestUsers.NewId();
        var user = Grains.GetGrain<IUserGrain>(id);

        var info = await user.RegisterAsync(new TelegramProfile(id, "ada", "Ada", "Lovelace", "en"));

        Assert.Equal(("ada", "Ada", "Lovelace", "en"), (info.Profile.Username, info.Profile.FirstName, info.Profile.LastName, info.Profile.LanguageCode));
        Assert.Equal(UserRole.User, info.Role);
        Assert.False(info.IsAdmin);
        Assert.Null(info.OrgId);
        Assert.Equal(info.FirstSeen, info.LastSeen);
        Assert.Equal(new Principal(id, UserRole.User, null, false), await user.GetPrincipalAsync());
    }

    [Fact]
    public async Task Register_NamesWithHiddenDirectionOrZeroWidthCharacters_AreStoredWithoutThem()
    {
        var id = TestUsers.NewId();
        var user = Grains.GetGrain<IUserGrain>(id);

        var info = await user.RegisterAsync(new TelegramProfile(id, "eve", "Eve\u202Egnp.exe", "Z\u200Bero\u2066", "en"));

        Assert.Equal(("Evegnp.exe", "Zero"), (info.Profile.FirstName, info.Profile.LastName));
        Assert.Equal("Evegnp.exe", (await user.GetInfoAsync())!.Profile.FirstName);
    }

    [Fact]
    public async Task Register_Again_RefreshesProfileAndLastSeen_KeepsFirstSeen()
    {
        var id = TestUsers.NewId();
        var user = Grains.GetGrain<IUserGrain>(id);
        var first = await user.RegisterAsync(new TelegramProfile(id, "old", "Old", null, "en"));
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var second = await user.RegisterAsync(new TelegramProfile(id, "new", "New", "Name", "de"));

        Assert.Equal(first.FirstSeen, second.FirstSeen);
        Assert.True(second.LastSeen >= first.LastSeen + TimeSpan.FromMinutes(5));
        Assert.Equal(("new", "New", "de"), (second.Profile.Username, second.Profile.FirstName, second.Profile.LanguageCode));
    }

    [Fact]
    public async Task Register_WithSomeoneElsesProfile_IsRefused()
    {
        var id = TestUsers.NewId();

        await Assert.ThrowsAsync<ArgumentException>(() => Grains.GetGrain<IUserGrain>(id).RegisterAsync(new TelegramProfile(id + 1, "x", "X", null, null)));
        Assert.Null(await Grains.GetGrain<IUserGrain>(id).GetInfoAsync());
    }

    [Fact]
    public async Task NeverRegistered_HasNoInfoAndNoPrincipal()
    {
        var user = Grains.GetGrain<IUserGrain>(TestUsers.NewId());

        Assert.Null(await user.GetInfoAsync());
        Assert.Null(await user.GetPrincipalAsync());
    }

    [Fact]
    public async Task ConfiguredAdmin_IsAdmin_AndKeepsTheirOrganizationRole()
    {
        var admin = Grains.GetGrain<IUserGrain>(SiloFixture.AdminId);

        var info = await admin.RegisterAsync(new TelegramProfile(SiloFixture.AdminId, "root", "Root", null, "en"));

        Assert.Equal(UserRole.Admin, info.Role);
        Assert.True(info.IsAdmin);
        var principal = (await admin.GetPrincipalAsync())!;
        Assert.True(principal.IsAdmin);
        Assert.Equal(UserRole.User, principal.Role);
    }

    [Fact]
    public async Task Databases_PersonalListAndActiveChoice_AreKept()
    {
        var id = await TestUsers.RegisterAsync(Grains);
        var user = Grains.GetGrain<IUserGrain>(id);

        await user.AddPersonalDatabaseAsync("db_sales");
        await user.AddPersonalDatabaseAsync("db_sales");
        await user.AddPersonalDatabaseAsync("db_hr");
        await user.SetActiveDatabaseAsync("db_hr");
        await user.ForgetDatabaseAsync("db_hr");

        var info = (await user.GetInfoAsync())!;
        Assert.Equal(["db_sales"], info.PersonalDatabaseIds);
        Assert.Null(info.ActiveDatabaseId);
    }

    [Fact]
    public async Task LeavingAnOrganization_ClearsAnOrgDatabaseSelection_ButNotAPersonalOne()
    {
        var (ownerId, _) = await Grains.NewOrganizationAsync();
        var memberId = await Grains.NewMemberAsync(ownerId);
        var otherId = await Grains.NewMemberAsync(ownerId);
        var member = Grains.GetGrain<IUserGrain>(memberId);
        var other = Grains.GetGrain<IUserGrain>(otherId);
        await member.SetActiveDatabaseAsync("db_org_shared");
        await other.AddPersonalDatabaseAsync("db_own");
        await other.SetActiveDatabaseAsync("db_own");

        await Grains.Coordinator().RemoveMemberAsync(ownerId, memberId);
        await Grains.Coordinator().RemoveMemberAsync(ownerId, otherId);

        Assert.Null((await member.GetInfoAsync())!.ActiveDatabaseId);
        Assert.Equal("db_own", (await other.GetInfoAsync())!.ActiveDatabaseId);
    }

    [Fact]
    public async Task State_SurvivesDeactivation()
    {
        var (ownerId, orgId) = await Grains.NewOrganizationAsync();
        var user = Grains.GetGrain<IUserGrain>(ownerId);
        await user.AddPersonalDatabaseAsync("db_kept");

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var info = (await user.GetInfoAsync())!;

        Assert.Equal((orgId, UserRole.OrgOwner), (info.OrgId, info.Role));
        Assert.Equal(["db_kept"], info.PersonalDatabaseIds);
    }
}
