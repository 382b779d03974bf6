using System.Net;
using System.Text.Json;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

public sealed partial class DashboardApiTests
{
    [Fact]
    public async Task Activity_AfterOwnerActions_ListsThemNewestFirst()
    {
        var (org, owner) = await OrganizationWithHistoryAsync();

        var page = await ActivityAsync(owner, "", json => json.GetProperty("total").GetInt32() >= 4);

        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        var types = entries.Select(e => e.GetProperty("eventType").GetString()).ToList();
        Assert.Contains("invitation.created", types);
        Assert.Contains("invitation.revoked", types);
        Assert.True(types.IndexOf("invitation.revoked") < types.IndexOf("invitation.created"), string.Join(", ", types));
        var times = entries.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(entries, e => Assert.True(e.GetProperty("id").ValueKind != JsonValueKind.Null));
        Assert.Contains(entries, e => e.GetProperty("userId").ValueKind == JsonValueKind.Number && e.GetProperty("userId").GetInt64() == org.OwnerId);
    }

    [Fact]
    public async Task Activity_PageSizeTwo_GivesTwoEntriesAndTheTotal()
    {
        var (_, owner) = await OrganizationWithHistoryAsync();
        var everything = await ActivityAsync(owner, "", json => json.GetProperty("total").GetInt32() >= 4);

        var page = (await owner.GetAnswerAsync("/dashboard/activity?page=2&pageSize=2")).Expect(HttpStatusCode.OK).Json;

        Assert.Equal(2, page.GetProperty("entries").GetArrayLength());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(everything.GetProperty("total").GetInt32(), page.GetProperty("total").GetInt32());
        var third = everything.GetProperty("entries")[2].GetProperty("id").ToString();
        Assert.Equal(third, page.GetProperty("entries")[0].GetProperty("id").ToString());
    }

    [Fact]
    public async Task Activity_FilteredByEventTypeAndUser_ShowsOnlyThose()
    {
        var (org, owner) = await OrganizationWithHistoryAsync();

        // Two codes and two personal invitations: the arranged member's and the one sent over HTTP.
        var byType = await ActivityAsync(owner, "?eventType=invitation.created", json => json.GetProperty("total").GetInt32() >= 4);
        Assert.All(byType.GetProperty("entries").EnumerateArray(), e => Assert.Equal("invitation.created", e.GetProperty("eventType").GetString()));
        Assert.Equal(4, byType.GetProperty("total").GetInt32());

        var byUser = await ActivityAsync(owner, $"?userId={org.MemberId}", json => json.GetProperty("total").GetInt32() >= 0);
        Assert.All(byUser.GetProperty("entries").EnumerateArray(), e => Assert.Equal(org.MemberId, e.GetProperty("userId").GetInt64()));
        var byOwner = await ActivityAsync(owner, $"?userId={org.OwnerId}", json => json.GetProperty("total").GetInt32() >= 4);
        Assert.All(byOwner.GetProperty("entries").EnumerateArray(), e => Assert.Equal(org.OwnerId, e.GetProperty("userId").GetInt64()));
    }

    [Theory]
    [InlineData("?pageSize=500", "pageSize")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?userId=abc", "userId")]
    public async Task Activity_BadPaging_IsAnInputProblem(string query, string field)
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);

        AssertInputProblem(await owner.GetAnswerAsync("/dashboard/activity" + query), field);
    }

    /// <summary>An organization whose owner invited a person by id, created two invitations and revoked one, all over HTTP.</summary>
    private async Task<(TestOrganization Org, HttpClient Owner)> OrganizationWithHistoryAsync()
    {
        var org = await host.NewOrganizationAsync();
        var owner = await OwnerAsync(org);
        var newcomer = await host.NewUserAsync("Nora");
        (await owner.PostAnswerAsync("/dashboard/members/add", new { userId = newcomer })).Expect(HttpStatusCode.Accepted);
        (await owner.PostAnswerAsync("/dashboard/invitations/create")).Expect(HttpStatusCode.Created);
        var code = (await owner.PostAnswerAsync("/dashboard/invitations/create")).Expect(HttpStatusCode.Created).Json.GetProperty("code").GetString();
        (await owner.DeleteAnswerAsync($"/dashboard/invitations/revoke?code={code}")).Expect(HttpStatusCode.OK);
        return (org, owner);
    }

    /// <summary>The activity page, asked again until <paramref name="ready"/> (the log may be written a moment after the action).</summary>
    private static async Task<JsonElement> ActivityAsync(HttpClient owner, string query, Func<JsonElement, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var json = (await owner.GetAnswerAsync("/dashboard/activity" + query)).Expect(HttpStatusCode.OK).Json;
            if (ready(json) || DateTime.UtcNow > deadline) return json;
            await Task.Delay(200);
        }
    }
}
