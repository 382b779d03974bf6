using System.Net;
using System.Text.RegularExpressions;
using OrleansAssistant.Grains.Interfaces.Dashboard;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>Logins, sessions, lockout and the headers every answer carries, over real HTTP.</summary>
public sealed partial class DashboardSessionTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Fact]
    public async Task Login_RightPassword_ReturnsUrlSafeTokenAndWhoSignedIn()
    {
        var org = await host.NewOrganizationAsync();

        var answer = (await Login(org.Owner.Username, org.Owner.Password)).Expect(HttpStatusCode.OK);

        var json = answer.Json;
        Assert.Matches(UrlSafeToken(), json.GetProperty("token").GetString());
        Assert.Equal(org.Owner.Username, json.GetProperty("username").GetString());
        Assert.Equal(org.OwnerId, json.GetProperty("userId").GetInt64());
        Assert.Equal(org.OrgId, json.GetProperty("orgId").GetString());
        Assert.Equal("OrgOwner", json.GetProperty("role").GetString());
        Assert.True(json.GetProperty("expiresAt").GetDateTimeOffset() > host.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Me_WithToken_DescribesTheMemberAndTheirOrganization()
    {
        var org = await host.NewOrganizationAsync();
        var member = await host.LoginAsync(org.Member.Username, org.Member.Password);

        var json = (await member.GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.OK).Json;

        Assert.Equal(org.Member.Username, json.GetProperty("username").GetString());
        Assert.Equal(org.MemberId, json.GetProperty("userId").GetInt64());
        Assert.Equal("Max", json.GetProperty("displayName").GetString());
        Assert.Equal(org.OrgId, json.GetProperty("orgId").GetString());
        Assert.Equal(org.Name, json.GetProperty("orgName").GetString());
        Assert.Equal("OrgMember", json.GetProperty("role").GetString());
        Assert.False(json.GetProperty("isAdmin").GetBoolean());
    }

    [Fact]
    public async Task Session_Idle24Hours_IsRefused()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);

        host.Clock.Advance(DashboardLoginRules.SessionIdleTimeout + TimeSpan.FromSeconds(1));

        (await owner.GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_UsedEvery23Hours_StaysAlive()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);

        host.Clock.Advance(TimeSpan.FromHours(23));
        (await owner.GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.OK);
        host.Clock.Advance(TimeSpan.FromHours(23));
        (await owner.GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);

        (await owner.PostAnswerAsync("/dashboard/logout")).Expect(HttpStatusCode.NoContent);

        (await owner.GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.Unauthorized);
        (await owner.PostAnswerAsync("/dashboard/logout")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RemovedMember_NextCallIsRefused()
    {
        var org = await host.NewOrganizationAsync();
        var member = await host.LoginAsync(org.Member.Username, org.Member.Password);
        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);
        (await member.GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.OK);

        (await owner.DeleteAnswerAsync($"/dashboard/members/remove?userId={org.MemberId}")).Expect(HttpStatusCode.NoContent);

        (await member.GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.Unauthorized);
        (await Login(org.Member.Username, org.Member.Password)).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PasswordReset_EndsSessionsMadeWithTheOldPassword()
    {
        var org = await host.NewOrganizationAsync();
        var member = await host.LoginAsync(org.Member.Username, org.Member.Password);

        var reset = await host.Membership().ResetDashboardPasswordAsync(org.MemberId);
        Assert.True(reset.Succeeded, reset.Message);

        (await member.GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.Unauthorized);
        (await Login(org.Member.Username, org.Member.Password)).Expect(HttpStatusCode.Unauthorized);
        var fresh = await host.LoginAsync(reset.Credentials!.Username, reset.Credentials.Password);
        (await fresh.GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.OK);
    }

    private Task<Answer> Login(string username, string password) =>
        host.NewClient().PostAnswerAsync("/dashboard/login", new { username, password });

    private static string[] PropertyNames(Answer answer) =>
        [.. answer.Json.EnumerateObject().Select(p => p.Name).Where(name => name != "traceId").Order(StringComparer.Ordinal)];

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex UrlSafeToken();
}
