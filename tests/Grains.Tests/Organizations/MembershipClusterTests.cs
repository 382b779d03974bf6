using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Interfaces.Organizations;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Organizations;

/// <summary>Organizations, members and invitations across a silo restart and across two silos on PostgreSQL.</summary>
public sealed class MembershipClusterTests
{
    private static async Task<Dictionary<string, string?>> PostgresSettingsAsync(TempDirectory folder)
    {
        var settings = InProcessSilo.BaseSettings(folder.Path);
        settings["ConnectionStrings:Default"] = await TestPostgres.CreateDatabaseAsync("membership");
        settings["Cluster:Clustering"] = "AdoNet";
        settings["GrainStorage:Provider"] = "AdoNet";
        settings["AppDatabase:Provider"] = "PostgreSql";
        return settings;
    }

    [Fact]
    public async Task OrganizationMembersAndInvitations_SurviveASiloRestart()
    {
        using var folder = new TempDirectory();
        var settings = await PostgresSettingsAsync(folder);
        long ownerId, memberId;
        string orgId, code;
        DashboardCredentials credentials;
        await using (var silo = await InProcessSilo.StartAsync(settings))
        {
            (ownerId, orgId) = await silo.Grains.NewOrganizationAsync();
            code = (await silo.Grains.Coordinator().CreateInvitationAsync(ownerId, 3, 2)).Invitation!.Code;
            memberId = await TestUsers.RegisterAsync(silo.Grains);
            credentials = (await silo.Grains.Coordinator().JoinAsync(memberId, code)).Credentials!;
        }

        await using var restarted = await InProcessSilo.StartAsync(settings);
        var grains = restarted.Grains;
        Assert.Equal(2, (await grains.GetGrain<IOrganizationGrain>(orgId).GetInfoAsync())!.MemberCount);
        Assert.Equal((orgId, UserRole.OrgMember), await RoleOfAsync(grains, memberId));
        Assert.Equal(1, (await grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).GetInfoAsync())!.Uses);
        Assert.NotNull(await grains.GetGrain<IDashboardAccountGrain>(GrainKeys.DashboardAccount(credentials.Username)).VerifyAsync(credentials.Password));
    }

    [Fact]
    public async Task TwoSilos_SeeTheSameOrganization_WhicheverSiloServesTheCall()
    {
        using var folderA = new TempDirectory();
        using var folderB = new TempDirectory();
        var settingsA = await PostgresSettingsAsync(folderA);
        var settingsB = InProcessSilo.BaseSettings(folderB.Path);
        foreach (var key in new[] { "ConnectionStrings:Default", "Cluster:Clustering", "GrainStorage:Provider", "AppDatabase:Provider" }) settingsB[key] = settingsA[key];
        await using var siloA = await InProcessSilo.StartAsync(settingsA);
        await using var siloB = await InProcessSilo.StartAsync(settingsB);

        var (ownerId, orgId) = await siloA.Grains.NewOrganizationAsync();
        var code = (await siloB.Grains.Coordinator().CreateInvitationAsync(ownerId, 20, 1)).Invitation!.Code;
        var joiners = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => TestUsers.RegisterAsync(i % 2 == 0 ? siloA.Grains : siloB.Grains)));
        var results = await Task.WhenAll(joiners.Select((id, i) => (i % 2 == 0 ? siloB.Grains : siloA.Grains).Coordinator().JoinAsync(id, code)));

        Assert.All(results, result => Assert.True(result.Succeeded, result.Message));
        Assert.Equal(11, (await siloA.Grains.GetGrain<IOrganizationGrain>(orgId).GetInfoAsync())!.MemberCount);
        Assert.Equal(10, (await siloB.Grains.GetGrain<IInvitationGrain>(GrainKeys.Invitation(code)).GetInfoAsync())!.Uses);
        foreach (var id in joiners) Assert.Equal((orgId, UserRole.OrgMember), await RoleOfAsync(siloA.Grains, id));
    }

    private static async Task<(string?, UserRole)> RoleOfAsync(IGrainFactory grains, long userId)
    {
        var info = (await grains.GetGrain<IUserGrain>(userId).GetInfoAsync())!;
        return (info.OrgId, info.Role);
    }
}
