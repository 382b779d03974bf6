using OrleansAssistant.Grains.Interfaces;
using OrleansAssistant.Grains.Interfaces.Dashboard;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Dashboard;

/// <summary>Organizations with dashboard credentials, and logins the way the dashboard gateway makes them.</summary>
internal static class DashboardLogins
{
    public sealed record Owner(long UserId, string OrgId, DashboardCredentials Credentials);

    public sealed record Member(long UserId, DashboardCredentials Credentials);

    /// <summary>A new organization; its owner's dashboard credentials come back from the creation, as the bot shows them.</summary>
    public static async Task<Owner> NewOwnerAsync(this IGrainFactory grains)
    {
        var ownerId = await TestUsers.RegisterAsync(grains, "Owner");
        var created = await grains.Coordinator().CreateOrganizationAsync(ownerId, "Acme Analytics");
        Assert.True(created.Succeeded, created.Message);
        return new Owner(ownerId, created.Organization!.OrgId, created.Credentials!);
    }

    /// <summary>A new member of the owner's organization, with the credentials joining gave them.</summary>
    public static async Task<Member> NewMemberAsync(this IGrainFactory grains, Owner owner)
    {
        var invitation = await grains.Coordinator().CreateInvitationAsync(owner.UserId, 1, 1);
        var memberId = await TestUsers.RegisterAsync(grains, "Member");
        var joined = await grains.Coordinator().JoinAsync(memberId, invitation.Invitation!.Code);
        Assert.True(joined.Succeeded, joined.Message);
        return new Member(memberId, joined.Credentials!);
    }

    /// <summary>The network tests log in from unless they say otherwise.</summary>
    public const string HomeNetwork = "192.0.2.10";

    public static Task<LoginResult> LoginAsync(this IGrainFactory grains, string username, string password, string network = HomeNetwork) =>
        grains.GetGrain<IDashboardLoginGrain>(GrainKeys.DashboardLogin(username)).LoginAsync(password, network);

    public static IDashboardSessionGrain Session(this IGrainFactory grains, string token) =>
        grains.GetGrain<IDashboardSessionGrain>(GrainKeys.DashboardSession(token));

    /// <summary>Logs in with the right password and returns the token.</summary>
    public static async Task<string> SignInAsync(this IGrainFactory grains, DashboardCredentials credentials)
    {
        var result = await grains.LoginAsync(credentials.Username, credentials.Password);
        Assert.Equal(LoginStatus.Succeeded, result.Status);
        return result.Token!;
    }
}
