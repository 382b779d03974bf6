using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>An owner and a member running their organization over the dashboard's HTTP API.</summary>
public sealed partial class DashboardApiTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Fact]
    public async Task Overview_Owner_CountsMembersDatabasesAndActiveInvitations()
    {
        var org = await host.NewOrganizationAsync();
        await host.AddSqliteDatabaseAsync(org.OwnerId);
        await host.CreateInvitationAsync(org.OwnerId);
        await host.CreateInvitationAsync(org.OwnerId);
        var owner = await OwnerAsync(org);

        var json = (await owner.GetAnswerAsync("/dashboard/overview")).Expect(HttpStatusCode.OK).Json;

        var organization = json.GetProperty("organization");
        Assert.Equal(org.OrgId, organization.GetProperty("orgId").GetString());
        Assert.Equal(org.Name, organization.GetProperty("name").GetString());
        Assert.Equal(org.OwnerId, organization.GetProperty("ownerId").GetInt64());
        Assert.Equal("Olivia", organization.GetProperty("ownerName").GetString());
        Assert.Equal(2, organization.GetProperty("memberCount").GetInt32());
        Assert.Equal(1, organization.GetProperty("databaseCount").GetInt32());
        Assert.Equal(2, json.GetProperty("activeInvitations").GetInt32());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("monthToDate").ValueKind);
    }

    [Fact]
    public async Task Overview_Member_SeesTheOrganizationButNoCosts()
    {
        var org = await host.NewOrganizationAsync();
        var member = await MemberAsync(org);

        var json = (await member.GetAnswerAsync("/dashboard/overview")).Expect(HttpStatusCode.OK).Json;

        Assert.Equal(org.OrgId, json.GetProperty("organization").GetProperty("orgId").GetString());
        Assert.True(!json.TryGetProperty("monthToDate", out var costs) || costs.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task MyUsage_MemberWhoAskedNothing_IsZero()
    {
        var org = await host.NewOrganizationAsync();
        var member = await MemberAsync(org);

        var json = (await member.GetAnswerAsync("/dashboard/me/usage")).Expect(HttpStatusCode.OK).Json;

        Assert.Equal(0, json.GetProperty("questions").GetInt32());
        Assert.Equal(0m, json.GetProperty("cost").GetDecimal());
        Assert.Equal(0, json.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task OpenApi_DescribesEveryDashboardPath()
    {
        var answer = (await host.NewClient().GetAnswerAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
        var paths = answer.Json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        var contract = await File.ReadAllTextAsync(Contract.Path);
        var named = Regex.Matches(contract, @"`(?:GET|POST|DELETE) (/dashboard/[a-z/\-]*[a-z])(?=[`?])").Select(m => m.Groups[1].Value).Distinct();
        Assert.All(named, path => Assert.Contains(path, paths));
    }

    [Fact]
    public async Task ApiPage_IsServedAsHtml()
    {
        var answer = (await host.NewClient().GetAnswerAsync("/api.html")).Expect(HttpStatusCode.OK);

        Assert.Equal("text/html", answer.MediaType);
    }

    private Task<HttpClient> OwnerAsync(TestOrganization org) => host.LoginAsync(org.Owner.Username, org.Owner.Password);

    private Task<HttpClient> MemberAsync(TestOrganization org) => host.LoginAsync(org.Member.Username, org.Member.Password);

    /// <summary>A 400 problem document naming <paramref name="field"/> among its errors.</summary>
    private static void AssertInputProblem(Answer answer, string field)
    {
        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(answer.Json.GetProperty("title").GetString()), answer.Body);
        Assert.True(answer.Json.TryGetProperty("errors", out var errors), $"no errors in {answer.Body}");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.Contains(field, StringComparison.OrdinalIgnoreCase));
    }

    private static void AssertProblem(Answer answer, HttpStatusCode status)
    {
        answer.Expect(status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(answer.Json.GetProperty("title").GetString()), answer.Body);
    }
}
