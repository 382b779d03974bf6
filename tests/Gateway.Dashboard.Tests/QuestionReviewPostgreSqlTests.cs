using System.Net;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>The Questions list read from a PostgreSQL app database beside a seeded ledger (needs the server ./test.sh starts).</summary>
public sealed class QuestionReviewPostgreSqlTests(PostgreSqlCostLedgerHost ledger) : IClassFixture<PostgreSqlCostLedgerHost>
{
    [Fact]
    public async Task Questions_OnPostgreSql_FilterFeedbackAndFailures_AndCarryTheirCost()
    {
        var host = ledger.Host;
        var database = await host.AddSqliteDatabaseAsync(ledger.A.OwnerId);
        var disliked = await host.RecordAsync(ledger.A.MemberId, ledger.A.OrgId, database.DatabaseId, "Top customers?", "SELECT name FROM customers", rows: 7);
        await host.RecordFeedbackAsync(disliked, ledger.A.MemberId, FeedbackVerdict.NotHelpful, "Wrong order");
        await host.RecordVerifiedAnswerAsync(disliked, exampleId: 7, tokensSaved: 1_200);
        var owner = await host.LoginAsync(ledger.A.Owner.Username, ledger.A.Owner.Password);

        var down = (await owner.GetAnswerAsync("/dashboard/questions?feedback=down")).Expect(HttpStatusCode.OK).Json.EnumerateArray().Single();
        Assert.Equal((disliked, "SELECT name FROM customers", 7, "Wrong order", 7L), (down.GetProperty("conversationId").GetString(), down.GetProperty("sql").GetString(),
            down.GetProperty("resultRows").GetInt32(), down.GetProperty("feedbackReason").GetString(), down.GetProperty("answeredFromExampleId").GetInt64()));

        // The seeded ledger's questions ended "Completed", not "Answered", and carry their calls' exact costs.
        var seeded = ledger.Ledger.Where(c => c.OrgId == ledger.A.OrgId).ToDictionary(c => c.ConversationId);
        var failed = (await owner.GetAnswerAsync("/dashboard/questions?failed=true&limit=5")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        Assert.Equal(5, failed.Count);
        Assert.All(failed, q =>
        {
            var expected = seeded[q.GetProperty("conversationId").GetString()!];
            Assert.Equal(expected.InputCost + expected.OutputCost, q.GetProperty("cost").GetDecimal());
            Assert.Equal(expected.InputTokens + expected.OutputTokens, q.GetProperty("totalTokens").GetInt64());
        });
        Assert.Equal(failed.Select(q => q.GetProperty("startedAt").GetDateTimeOffset()).OrderDescending(), failed.Select(q => q.GetProperty("startedAt").GetDateTimeOffset()));
    }
}
