using System.Net;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>"My usage" lists a person's answers with their data to download again: the SQL is run again, with the same checks as in the chat.</summary>
public sealed partial class DashboardApiTests
{
    [Fact]
    public async Task MyUsage_AnswerWithRows_OffersItsCsv_ReRunNow_ForItsAskerOnly()
    {
        var org = await host.NewOrganizationAsync();
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var conversationId = await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "Who are our customers?", "SELECT id, name FROM customers");
        var member = await MemberAsync(org);

        var usage = (await member.GetAnswerAsync("/dashboard/me/usage")).Expect(HttpStatusCode.OK).Json;
        var entry = usage.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("conversationId").GetString() == conversationId);
        Assert.True(entry.GetProperty("hasRows").GetBoolean());

        var csv = (await member.GetAnswerAsync($"/dashboard/me/answers/{conversationId}/csv")).Expect(HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.MediaType);
        // The body is decoded by the client, which drops the byte-order mark; the rows are the database's now.
        Assert.Equal("id,name\r\n1,Ada\r\n", csv.Body.TrimStart('\uFEFF'));
        Assert.Contains("who-are-our-customers.csv", csv.Response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);

        // The owner of the same organization is not the asker: the answer reads as unknown.
        var owner = await OwnerAsync(org);
        (await owner.GetAnswerAsync($"/dashboard/me/answers/{conversationId}/csv")).Expect(HttpStatusCode.NotFound);
        (await host.NewClient().GetAnswerAsync($"/dashboard/me/answers/{conversationId}/csv")).Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task MyUsage_AnswerOlderThanADay_IsGone_WithASentenceToShow()
    {
        var org = await host.NewOrganizationAsync();
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var conversationId = await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "Old question", "SELECT name FROM customers",
            startedAt: host.Clock.GetUtcNow().AddHours(-25));
        var member = await MemberAsync(org);

        var answer = (await member.GetAnswerAsync($"/dashboard/me/answers/{conversationId}/csv")).Expect(HttpStatusCode.Gone);

        Assert.Contains("ask the question again", answer.Json.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
