using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>An organization made for one test: its owner, one member and their dashboard logins.</summary>
public sealed record TestOrganization(string OrgId, string Name, long OwnerId, DashboardCredentials Owner, long MemberId, DashboardCredentials Member);

/// <summary>Sets people up through the real grains, as the bot would, so tests start from a known organization.</summary>
public static class DashboardPeople
{
    /// <summary>Someone who has sent /start to the bot and belongs to no organization.</summary>
    public static async Task<long> RegisterUserAsync(this DashboardHost host, long telegramId, string firstName)
    {
        await host.Grains.GetGrain<IUserGrain>(telegramId).RegisterAsync(new TelegramProfile(telegramId, $"user{telegramId}", firstName, null, "en"));
        return telegramId;
    }

    /// <summary>A registered standalone user with a fresh id.</summary>
    public static Task<long> NewUserAsync(this DashboardHost host, string firstName = "Pat") =>
        host.RegisterUserAsync(host.NewUserId(), firstName);

    public static async Task<(string OrgId, DashboardCredentials Credentials)> CreateOrganizationAsync(this DashboardHost host, long ownerId, string name)
    {
        var created = await Membership(host).CreateOrganizationAsync(ownerId, name);
        Assert.True(created.Succeeded, created.Message);
        return (created.Organization!.OrgId, created.Credentials!);
    }

    /// <summary>
    /// The owner invites a registered user and they accept (as pressing [Join …] in the bot does); the member's
    /// dashboard login comes back from the grain (the bot would send it).
    /// </summary>
    public static async Task<DashboardCredentials> AddMemberAsync(this DashboardHost host, long ownerId, long userId)
    {
        var code = await host.InviteByIdAsync(ownerId, userId);
        var joined = await Membership(host).JoinAsync(userId, code);
        Assert.True(joined.Succeeded, joined.Message);
        return joined.Credentials!;
    }

    /// <summary>The owner invites a registered user by id (the Members tab's add by user id).</summary>
    /// <returns>The code of the personal invitation sent to that user.</returns>
    public static async Task<string> InviteByIdAsync(this DashboardHost host, long ownerId, long userId)
    {
        var invited = await Membership(host).InviteMemberAsync(ownerId, userId);
        Assert.True(invited.Succeeded, invited.Message);
        var code = await host.Grains.GetGrain<IOrganizationGrain>(invited.Organization!.OrgId).GetPersonalInvitationAsync(userId);
        Assert.NotNull(code);
        return code;
    }

    /// <summary>A fresh organization with an owner and one member, named uniquely.</summary>
    public static async Task<TestOrganization> NewOrganizationAsync(this DashboardHost host, string name = "Acme")
    {
        var ownerId = await host.NewUserAsync("Olivia");
        var orgName = $"{name} {ownerId}";
        var (orgId, owner) = await host.CreateOrganizationAsync(ownerId, orgName);
        var memberId = await host.NewUserAsync("Max");
        var member = await host.AddMemberAsync(ownerId, memberId);
        return new TestOrganization(orgId, orgName, ownerId, owner, memberId, member);
    }

    /// <summary>An organization database: a small SQLite file in the silo's SQLite folder, added by the owner.</summary>
    public static async Task<DatabaseInfo> AddSqliteDatabaseAsync(this DashboardHost host, long ownerId, string name = "Shop")
    {
        var file = await SqliteFiles.CreateAsync(host.SqliteFolder);
        var added = await host.Grains.GetGrain<IDatabasesGrain>(0).AddAsync(ownerId, name, $"Data Source={file}");
        Assert.True(added.Succeeded, added.Message);
        return added.Database!;
    }

    public static async Task<InvitationInfo> CreateInvitationAsync(this DashboardHost host, long ownerId)
    {
        var created = await Membership(host).CreateInvitationAsync(ownerId);
        Assert.True(created.Succeeded, created.Message);
        return created.Invitation!;
    }

    public static IMembershipGrain Membership(this DashboardHost host) => host.Grains.GetGrain<IMembershipGrain>(0);
}
