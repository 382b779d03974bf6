using System.Net;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Interfaces.VerifiedQueries;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>The Questions tab's verified library: an owner runs, verifies, edits and removes examples and keeps the glossary.</summary>
public sealed partial class DashboardApiTests
{
    private const string CustomersSql = "SELECT id, name FROM customers";

    [Fact]
    public async Task Library_VerifyEditRemove_RoundTrip()
    {
        var org = await host.NewOrganizationAsync("Library");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var question = await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "Who are our customers?", "SELECT name FROM customer");
        var owner = await OwnerAsync(org);
        var library = $"/dashboard/databases/{database.DatabaseId}/library";

        var created = (await owner.PostAnswerAsync(library, new { question = "Who are our customers?", sql = CustomersSql, notes = "All of them", conversationId = question }))
            .Expect(HttpStatusCode.Created).Json;
        var example = created.GetProperty("example");
        var exampleId = example.GetProperty("exampleId").GetInt64();
        Assert.False(created.GetProperty("alreadyVerified").GetBoolean());
        Assert.Equal((CustomersSql, "All of them", "Olivia", question), (example.GetProperty("sql").GetString(), example.GetProperty("notes").GetString(),
            example.GetProperty("verifiedByName").GetString(), example.GetProperty("sourceConversationId").GetString()));
        var listed = (await owner.GetAnswerAsync(library)).Expect(HttpStatusCode.OK).Json;
        Assert.Equal([exampleId], listed.GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("exampleId").GetInt64()));
        var reviewed = (await owner.GetAnswerAsync($"/dashboard/questions/{question}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(exampleId, reviewed.GetProperty("verifiedAsExampleId").GetInt64());

        var again = (await owner.PostAnswerAsync(library, new { question = "Who are our customers?", sql = CustomersSql })).Expect(HttpStatusCode.OK).Json;
        Assert.True(again.GetProperty("alreadyVerified").GetBoolean());

        var edited = (await owner.SendAsync(HttpMethod.Put, $"{library}/{exampleId}", new { question = "Which customers do we have?", sql = "SELECT name FROM customers" }))
            .Expect(HttpStatusCode.OK).Json.GetProperty("example");
        Assert.Equal(("Which customers do we have?", "SELECT name FROM customers"), (edited.GetProperty("question").GetString(), edited.GetProperty("sql").GetString()));
        var afterEdit = (await owner.GetAnswerAsync(library)).Expect(HttpStatusCode.OK).Json.GetProperty("examples").EnumerateArray().Single();
        Assert.Equal("Which customers do we have?", afterEdit.GetProperty("question").GetString());

        (await owner.DeleteAnswerAsync($"{library}/{exampleId}")).Expect(HttpStatusCode.NoContent);
        Assert.Equal(0, (await owner.GetAnswerAsync(library)).Expect(HttpStatusCode.OK).Json.GetProperty("examples").GetArrayLength());
        AssertProblem(await owner.DeleteAnswerAsync($"{library}/{exampleId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Library_Try_ShowsTheFirstRows_AndSavesNothing()
    {
        var org = await host.NewOrganizationAsync("Trial");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var owner = await OwnerAsync(org);
        var library = $"/dashboard/databases/{database.DatabaseId}/library";

        var rows = (await owner.PostAnswerAsync($"{library}/try", new { sql = CustomersSql })).Expect(HttpStatusCode.OK).Json;

        Assert.Equal(["id", "name"], rows.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([["1", "Ada"]], rows.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetString()).ToArray()));
        Assert.False(rows.GetProperty("truncated").GetBoolean());
        Assert.Equal(0, (await owner.GetAnswerAsync(library)).Expect(HttpStatusCode.OK).Json.GetProperty("examples").GetArrayLength());
        var failed = (await owner.PostAnswerAsync($"{library}/try", new { sql = "SELECT nope FROM customers" })).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("nope", failed.Json.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE FROM customers")]
    [InlineData("DROP TABLE customers")]
    [InlineData("SELECT 1; DELETE FROM customers")]
    public async Task Library_VerifyingAWriteStatement_Is422_AndNothingIsSavedOrRun(string sql)
    {
        var org = await host.NewOrganizationAsync("Writes");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var owner = await OwnerAsync(org);
        var library = $"/dashboard/databases/{database.DatabaseId}/library";

        var refused = (await owner.PostAnswerAsync(library, new { question = "Clean up", sql })).Expect(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("Only statements that read data can be verified:", refused.Json.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await owner.GetAnswerAsync(library)).Expect(HttpStatusCode.OK).Json.GetProperty("examples").GetArrayLength());
        var rows = (await owner.PostAnswerAsync($"{library}/try", new { sql = CustomersSql })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(1, rows.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Library_BadInput_Is400NamingTheField_AndChangesNothing()
    {
        var org = await host.NewOrganizationAsync("LibraryInput");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var owner = await OwnerAsync(org);
        var library = $"/dashboard/databases/{database.DatabaseId}/library";

        AssertInputProblem(await owner.PostAnswerAsync(library, new { sql = CustomersSql }), "question");
        AssertInputProblem(await owner.PostAnswerAsync(library, new { question = "Who?", sql = "  " }), "sql");
        AssertInputProblem(await owner.PostAnswerAsync(library, new { question = new string('q', 5_000), sql = CustomersSql }), "question");
        AssertInputProblem(await owner.PostAnswerAsync($"{library}/try", new { }), "sql");
        AssertInputProblem(await owner.SendAsync(HttpMethod.Put, $"{library}/abc", new { question = "Who?", sql = CustomersSql }), "exampleId");
        var blankMeaning = await owner.SendAsync(HttpMethod.Put, $"/dashboard/databases/{database.DatabaseId}/glossary", new[] { new { term = "vip", meaning = "" } });
        AssertInputProblem(blankMeaning, "meaning");
        Assert.StartsWith("Each glossary line needs a term and its meaning", blankMeaning.Json.GetProperty("title").GetString(), StringComparison.Ordinal);
        AssertProblem(await owner.SendAsync(HttpMethod.Put, $"/dashboard/databases/{database.DatabaseId}/glossary", "{\"term\":\"not a list\"}"), HttpStatusCode.BadRequest);

        var page = (await owner.GetAnswerAsync(library)).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((0, 0), (page.GetProperty("examples").GetArrayLength(), page.GetProperty("glossary").GetArrayLength()));
    }

    [Fact]
    public async Task Library_AnotherOrganizationsDatabaseExampleOrQuestion_Is404()
    {
        var org = await host.NewOrganizationAsync("Mine");
        var other = await host.NewOrganizationAsync("Theirs");
        var mine = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var theirs = await host.AddSqliteDatabaseAsync(other.OwnerId);
        var theirExample = await VerifyAsync(other.OwnerId, theirs.DatabaseId, "Their question?");
        var theirQuestion = await host.RecordAsync(other.MemberId, other.OrgId, theirs.DatabaseId, "Their asked question", CustomersSql);
        var owner = await OwnerAsync(org);
        var body = new { question = "Who?", sql = CustomersSql };

        AssertProblem(await owner.GetAnswerAsync($"/dashboard/databases/{theirs.DatabaseId}/library"), HttpStatusCode.NotFound);
        AssertProblem(await owner.PostAnswerAsync($"/dashboard/databases/{theirs.DatabaseId}/library", body), HttpStatusCode.NotFound);
        AssertProblem(await owner.PostAnswerAsync($"/dashboard/databases/{theirs.DatabaseId}/library/try", body), HttpStatusCode.NotFound);
        AssertProblem(await owner.SendAsync(HttpMethod.Put, $"/dashboard/databases/{theirs.DatabaseId}/glossary", Array.Empty<object>()), HttpStatusCode.NotFound);
        AssertProblem(await owner.GetAnswerAsync("/dashboard/databases/db_doesnotexist/library"), HttpStatusCode.NotFound);
        // Their example's id through my own database: no such example here.
        AssertProblem(await owner.SendAsync(HttpMethod.Put, $"/dashboard/databases/{mine.DatabaseId}/library/{theirExample.ExampleId}", body), HttpStatusCode.NotFound);
        AssertProblem(await owner.DeleteAnswerAsync($"/dashboard/databases/{mine.DatabaseId}/library/{theirExample.ExampleId}"), HttpStatusCode.NotFound);
        AssertProblem(await owner.PostAnswerAsync($"/dashboard/databases/{mine.DatabaseId}/library", new { question = "Who?", sql = CustomersSql, conversationId = theirQuestion }),
            HttpStatusCode.NotFound);

        Assert.Equal(0, (await owner.GetAnswerAsync($"/dashboard/databases/{mine.DatabaseId}/library")).Expect(HttpStatusCode.OK).Json.GetProperty("examples").GetArrayLength());
        var theirLibrary = await LibraryAsync(other.OwnerId, theirs.DatabaseId);
        Assert.Equal("Their question?", theirLibrary.Examples.Single().Question);
    }

    [Fact]
    public async Task Library_Glossary_IsReplacedAndCleared()
    {
        var org = await host.NewOrganizationAsync("Glossary");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var owner = await OwnerAsync(org);
        var glossary = $"/dashboard/databases/{database.DatabaseId}/glossary";

        var saved = (await owner.SendAsync(HttpMethod.Put, glossary, new[]
        {
            new { term = "active customer", meaning = "ordered in the last 90 days" },
            new { term = "VIP", meaning = "more than $10,000 a year" },
        })).Expect(HttpStatusCode.OK).Json;

        Assert.Equal(2, saved.GetProperty("glossary").GetArrayLength());
        var page = (await owner.GetAnswerAsync($"/dashboard/databases/{database.DatabaseId}/library")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(["VIP=more than $10,000 a year", "active customer=ordered in the last 90 days"],
            page.GetProperty("glossary").EnumerateArray().Select(g => $"{g.GetProperty("term").GetString()}={g.GetProperty("meaning").GetString()}").Order(StringComparer.Ordinal));

        (await owner.SendAsync(HttpMethod.Put, glossary, Array.Empty<object>())).Expect(HttpStatusCode.OK);
        Assert.Empty((await LibraryAsync(org.OwnerId, database.DatabaseId)).Glossary);
    }

    [Fact]
    public async Task Library_BrokenExample_ShowsItsReason()
    {
        var org = await host.NewOrganizationAsync("Broken");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var example = await VerifyAsync(org.OwnerId, database.DatabaseId, "Customer names?");
        await host.Grains.GetGrain<IVerifiedQueriesGrain>(VerifiedQueryKeys.KeyOf(database.DatabaseId)).MarkBrokenAsync(example.ExampleId, "no such column: name");
        var owner = await OwnerAsync(org);

        var shown = (await owner.GetAnswerAsync($"/dashboard/databases/{database.DatabaseId}/library")).Expect(HttpStatusCode.OK).Json
            .GetProperty("examples").EnumerateArray().Single();

        Assert.True(shown.GetProperty("isBroken").GetBoolean());
        Assert.Equal("no such column: name", shown.GetProperty("brokenReason").GetString());
    }

    private async Task<VerifiedExample> VerifyAsync(long ownerId, string databaseId, string question)
    {
        var principal = (await host.Grains.GetGrain<IUserGrain>(ownerId).GetPrincipalAsync())!;
        var result = await host.Grains.GetGrain<IVerifiedQueriesGrain>(VerifiedQueryKeys.KeyOf(databaseId)).VerifyAsync(principal, new ExampleDraft(question, CustomersSql));
        Assert.True(result.Succeeded, $"{result.Status}: {result.Problem}");
        return result.Example!;
    }

    private async Task<LibraryView> LibraryAsync(long ownerId, string databaseId)
    {
        var principal = (await host.Grains.GetGrain<IUserGrain>(ownerId).GetPrincipalAsync())!;
        return (await host.Grains.GetGrain<IVerifiedQueriesGrain>(VerifiedQueryKeys.KeyOf(databaseId)).ViewAsync(principal))!;
    }
}
