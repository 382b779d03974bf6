using System.Globalization;
using System.Net;
using System.Text.Json;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>The Questions tab's list: an owner reviews the organization's questions with their SQL, outcome, rows, feedback and cost.</summary>
public sealed partial class DashboardApiTests
{
    [Fact]
    public async Task Questions_Owner_ListsTheOrganizationsQuestions_WithSqlOutcomeRowsFeedbackAndCost()
    {
        var org = await host.NewOrganizationAsync("Review");
        var other = await host.NewOrganizationAsync("Elsewhere");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId, "Sales");
        var at = host.Clock.GetUtcNow().AddMinutes(-30);
        var answered = await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "Customers last year?", "SELECT name FROM customers",
            startedAt: at, stages: [Stage(1, at, 1_000, 200, 0.0015m, 0.0005m, reasoning: 50), Stage(2, at, 300, 40, 0.0001m, 0.0002m)], rows: 3);
        await host.RecordFeedbackAsync(answered, org.MemberId, FeedbackVerdict.NotHelpful, "It counted this year");
        var failed = await host.RecordAsync(org.OwnerId, org.OrgId, database.DatabaseId, "Refunds by region?", "SELECT region FROM refunds",
            startedAt: at.AddMinutes(5), outcome: QuestionOutcome.QueryFailed, stages: [Stage(1, at, 500, 80, 0m, 0m, priced: false)]);
        var foreign = await host.RecordAsync(other.MemberId, other.OrgId, database.DatabaseId, "Not yours", "SELECT 1");
        await host.RecordVerifiedAnswerAsync(failed, exampleId: 42, tokensSaved: 900);
        var owner = await OwnerAsync(org);

        var list = (await owner.GetAnswerAsync("/dashboard/questions")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();

        Assert.Equal([failed, answered], list.Select(q => q.GetProperty("conversationId").GetString()));
        Assert.DoesNotContain(list, q => q.GetProperty("conversationId").GetString() == foreign);
        var first = list[1];
        Assert.Equal("Max", first.GetProperty("memberName").GetString());
        Assert.Equal("Sales", first.GetProperty("databaseName").GetString());
        Assert.Equal("Customers last year?", first.GetProperty("question").GetString());
        Assert.Equal("SELECT name FROM customers", first.GetProperty("sql").GetString());
        Assert.Equal(("Answered", false, 3), (first.GetProperty("outcome").GetString(), first.GetProperty("failed").GetBoolean(), first.GetProperty("resultRows").GetInt32()));
        Assert.Equal(("NotHelpful", "It counted this year"), (first.GetProperty("feedback").GetString(), first.GetProperty("feedbackReason").GetString()));
        Assert.Equal((0.0023m, 0, 1_590L), (first.GetProperty("cost").GetDecimal(), first.GetProperty("unpricedCalls").GetInt32(), first.GetProperty("totalTokens").GetInt64()));
        var second = list[0];
        Assert.Equal(("QueryFailed", true), (second.GetProperty("outcome").GetString(), second.GetProperty("failed").GetBoolean()));
        // The SQL that failed is kept for review, so a curator can mend it.
        Assert.Equal("SELECT region FROM refunds", second.GetProperty("sql").GetString());
        // A call without a price makes the cost unknown, never $0.
        Assert.Equal((0m, 1), (second.GetProperty("cost").GetDecimal(), second.GetProperty("unpricedCalls").GetInt32()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("feedback").ValueKind);
        Assert.Equal(42, second.GetProperty("answeredFromExampleId").GetInt64());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("answeredFromExampleId").ValueKind);

        var csv = (await owner.GetAnswerAsync("/dashboard/questions?format=csv")).Expect(HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.MediaType);
        Assert.Contains("price unknown", csv.Body, StringComparison.Ordinal);
        Assert.Contains("It counted this year", csv.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_Filters_NarrowTheList()
    {
        var org = await host.NewOrganizationAsync("Filters");
        var sales = await host.AddSqliteDatabaseAsync(org.OwnerId, "Sales");
        var stock = await host.AddSqliteDatabaseAsync(org.OwnerId, "Stock");
        var now = host.Clock.GetUtcNow();
        var disliked = await host.RecordAsync(org.MemberId, org.OrgId, sales.DatabaseId, "Disliked", "SELECT 1", startedAt: now.AddMinutes(-4));
        await host.RecordFeedbackAsync(disliked, org.MemberId, FeedbackVerdict.NotHelpful);
        var liked = await host.RecordAsync(org.MemberId, org.OrgId, sales.DatabaseId, "Liked", "SELECT 2", startedAt: now.AddMinutes(-3));
        await host.RecordFeedbackAsync(liked, org.MemberId, FeedbackVerdict.Helpful);
        var failed = await host.RecordAsync(org.OwnerId, org.OrgId, stock.DatabaseId, "Failed", "SELECT 3", startedAt: now.AddMinutes(-2), outcome: QuestionOutcome.QueryRefused);
        var old = await host.RecordAsync(org.OwnerId, org.OrgId, stock.DatabaseId, "Old", "SELECT 4", startedAt: now.AddDays(-40));
        var owner = await OwnerAsync(org);
        var today = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var longAgo = now.AddDays(-41).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal([disliked], await IdsAsync(owner, "feedback=down"));
        Assert.Equal([failed], await IdsAsync(owner, "failed=true"));
        Assert.Equal([failed], await IdsAsync(owner, $"member={org.OwnerId}"));
        Assert.Equal([liked, disliked], await IdsAsync(owner, $"database={sales.DatabaseId}"));
        Assert.Equal([liked, disliked], await IdsAsync(owner, $"member={org.MemberId}&database={sales.DatabaseId}&limit=5"));
        Assert.Equal([failed], await IdsAsync(owner, "limit=1"));
        Assert.Equal([failed, liked, disliked, old], await IdsAsync(owner, $"from={longAgo}&to={today}"));
    }

    [Theory]
    [InlineData("feedback=up", "feedback")]
    [InlineData("failed=maybe", "failed")]
    [InlineData("member=abc", "member")]
    [InlineData("member=-5", "member")]
    [InlineData("database=not%20an%20id", "database")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("format=xml", "format")]
    public async Task Questions_BadFilter_Is400NamingTheField(string query, string field)
    {
        var org = await host.NewOrganizationAsync("BadFilter");
        var owner = await OwnerAsync(org);

        AssertInputProblem(await owner.GetAnswerAsync($"/dashboard/questions?{query}"), field);
    }

    [Fact]
    public async Task Questions_OneById_OwnOrganizationsOnly()
    {
        var org = await host.NewOrganizationAsync("OneQuestion");
        var other = await host.NewOrganizationAsync("OtherQuestion");
        var database = await host.AddSqliteDatabaseAsync(org.OwnerId);
        var mine = await host.RecordAsync(org.MemberId, org.OrgId, database.DatabaseId, "Who bought most?", "SELECT name FROM customers");
        var theirs = await host.RecordAsync(other.MemberId, other.OrgId, database.DatabaseId, "Their question", "SELECT 1");
        var owner = await OwnerAsync(org);

        var one = (await owner.GetAnswerAsync($"/dashboard/questions/{mine}")).Expect(HttpStatusCode.OK).Json;

        Assert.Equal(("Who bought most?", "SELECT name FROM customers"), (one.GetProperty("question").GetString(), one.GetProperty("sql").GetString()));
        AssertProblem(await owner.GetAnswerAsync($"/dashboard/questions/{theirs}"), HttpStatusCode.NotFound);
        AssertProblem(await owner.GetAnswerAsync("/dashboard/questions/tg_0_0"), HttpStatusCode.NotFound);
        AssertProblem(await (await MemberAsync(org)).GetAnswerAsync($"/dashboard/questions/{mine}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CostsOverview_CarriesTheVerifiedAnswersAndTokensSaved_InJsonAndCsv()
    {
        var org = await host.NewOrganizationAsync("Saved");
        var owner = await OwnerAsync(org);

        var json = (await owner.GetAnswerAsync("/dashboard/costs/overview")).Expect(HttpStatusCode.OK).Json;
        var header = (await owner.GetAnswerAsync("/dashboard/costs/overview?format=csv")).Expect(HttpStatusCode.OK).Body.Split("\r\n")[0].Split(',');

        Assert.Equal((0, 0), (json.GetProperty("verifiedAnswers").GetInt64(), json.GetProperty("tokensSaved").GetInt64()));
        Assert.Equal(["verified_answers", "tokens_saved"], header[^2..]);
    }

    private static async Task<List<string?>> IdsAsync(HttpClient owner, string query) =>
        [.. (await owner.GetAnswerAsync($"/dashboard/questions?{query}")).Expect(HttpStatusCode.OK).Json.EnumerateArray()
            .Select(q => q.GetProperty("conversationId").GetString())];

    private static StageRecord Stage(int number, DateTimeOffset at, int input, int output, decimal inputCost, decimal outputCost, int reasoning = 0, bool priced = true) =>
        new(number, number, number == 1 ? "summary" : "answer", "gemini-3.6-flash", input, output, inputCost, outputCost, at, 100, true,
            ReasoningTokens: reasoning, PriceKnown: priced);
}
