using System.Net;
using OrleansAssistant.Grains.Interfaces.Organizations;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

public sealed partial class DashboardApiTests
{
    [Fact]
    public async Task Members_ListsOwnerAndMemberWithTheirRoles()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        var members = (await owner.GetAnswerAsync("/dashboard/members")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();

        Assert.Equal(2, members.Count);
        Assert.Contains(members, m => m.GetProperty("userId").GetInt64() == org.OwnerId && m.GetProperty("role").GetString() == "OrgOwner");
        Assert.Contains(members, m => m.GetProperty("userId").GetInt64() == org.MemberId && m.GetProperty("role").GetString() == "OrgMember"
            && m.GetProperty("displayName").GetString() == "Max");
    }

    [Fact]
    public async Task AddMember_SendsAnInvitation_AndListsNobodyUntilTheyAccept()
    {
        var org = await host.NewOrganizationAsync();
        var newcomer = await host.NewUserAsync("Nora");
        var owner = await OwnerAsync(org);

        var answer = (await owner.PostAnswerAsync("/dashboard/members/add", new { userId = newcomer })).Expect(HttpStatusCode.Accepted);

        Assert.StartsWith("Invitation sent", answer.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await owner.GetAnswerAsync("/dashboard/members")).Json.GetArrayLength());
        var code = await host.Grains.GetGrain<IOrganizationGrain>(org.OrgId).GetPersonalInvitationAsync(newcomer);
        Assert.True((await host.Grains.GetGrain<IMembershipGrain>(0).JoinAsync(newcomer, code!)).Succeeded);
        var members = (await owner.GetAnswerAsync("/dashboard/members")).Expect(HttpStatusCode.OK).Json.EnumerateArray();
        Assert.Contains(members, m => m.GetProperty("userId").GetInt64() == newcomer);
    }

    [Fact]
    public async Task AddMember_UnknownTakenAndAlreadyInvitedIds_GetTheSameAnswer()
    {
        var org = await host.NewOrganizationAsync();
        var other = await host.NewOrganizationAsync("Other");
        var newcomer = await host.NewUserAsync("Nora");
        var owner = await OwnerAsync(org);
        (await owner.PostAnswerAsync("/dashboard/members/add", new { userId = newcomer })).Expect(HttpStatusCode.Accepted);

        long[] ids = [host.NewUserId(), other.MemberId, other.OwnerId, org.MemberId, newcomer];
        var answers = new List<string>();
        foreach (var id in ids)
        {
            answers.Add((await owner.PostAnswerAsync("/dashboard/members/add", new { userId = id })).Expect(HttpStatusCode.Accepted).Json.GetRawText());
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(2, (await owner.GetAnswerAsync("/dashboard/members")).Json.GetArrayLength());
        Assert.Equal(2, (await host.Grains.GetGrain<IOrganizationGrain>(other.OrgId).GetMembersAsync()).Count);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"userId\":-5}")]
    [InlineData("{\"userId\":0}")]
    [InlineData("{\"userId\":\"abc\"}")]
    public async Task AddMember_BadBody_IsAnInputProblemNamingUserId(string body)
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        AssertInputProblem(await owner.PostAnswerAsync("/dashboard/members/add", body), "userId");
    }

    [Fact]
    public async Task RemoveMember_IsGoneFromTheList()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        (await owner.DeleteAnswerAsync($"/dashboard/members/remove?userId={org.MemberId}")).Expect(HttpStatusCode.NoContent);

        var members = (await owner.GetAnswerAsync("/dashboard/members")).Expect(HttpStatusCode.OK).Json.EnumerateArray();
        Assert.DoesNotContain(members, m => m.GetProperty("userId").GetInt64() == org.MemberId);
    }

    [Fact]
    public async Task RemoveMember_TheOwner_IsAConflict()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        AssertProblem(await owner.DeleteAnswerAsync($"/dashboard/members/remove?userId={org.OwnerId}"), HttpStatusCode.Conflict);
        (await owner.GetAnswerAsync("/dashboard/me")).Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?userId=abc")]
    [InlineData("?userId=-1")]
    public async Task RemoveMember_BadUserId_IsAnInputProblem(string query)
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        AssertInputProblem(await owner.DeleteAnswerAsync("/dashboard/members/remove" + query), "userId");
    }

    [Fact]
    public async Task ExportMembers_IsACsvFileWithOneRowPerMember()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        var answer = (await owner.GetAnswerAsync("/dashboard/members/export")).Expect(HttpStatusCode.OK);

        Assert.Equal("text/csv", answer.MediaType);
        Assert.Contains("members.csv", answer.Header("Content-Disposition") ?? "", StringComparison.Ordinal);
        var lines = answer.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("user_id,display_name,telegram_username,role,joined_at_utc,last_seen_utc", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(3, lines.Count);
        Assert.Contains(lines, l => l.StartsWith($"{org.OwnerId},", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{org.MemberId},", StringComparison.Ordinal));
    }
}
