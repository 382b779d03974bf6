using OrleansAssistant.Grains.Costs;

namespace OrleansAssistant.Grains.Tests.Costs;

public sealed partial class CostLedgerPostgreSqlTests
{
    /// <summary>A check PostgreSQL makes at commit only, so no savepoint can set one question apart: the whole batch fails.</summary>
    private const string RefuseAtCommit = """
        CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.Question = 'refused at commit' THEN RAISE EXCEPTION 'refused at commit'; END IF;
            RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON Conversations
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit();
        """;

    [Fact]
    public async Task FailingBatch_FailsEveryQuestionInIt_AndTheNextBatchCommits()
    {
        var database = await Fixture.CreateMigratedAsync();
        await ExecuteAsync(database, RefuseAtCommit);
        var commits = BatchOf(database, 4);
        var ledger = new ConversationLedger(database, TimeProvider.System, commits);
        var (orgId, userId) = ($"ORG_fail_{NewId()}", NewId());
        var failing = Enumerable.Range(0, 4).Select(_ => NewConversationId()).ToArray();
        var following = Enumerable.Range(0, 4).Select(_ => NewConversationId()).ToArray();

        var outcomes = await Task.WhenAll(failing.Select((id, index) => RefusalOf(ledger.RecordAsync(
            Conversation(id, userId, orgId, March) with { Question = index == 2 ? "refused at commit" : "How many orders?" },
            [Stage(1, 1, "summary", Flash25, 10, 10, March)], null, CancellationToken.None))));
        await Task.WhenAll(following.Select(id => ledger.RecordAsync(Conversation(id, userId, orgId, March),
            [Stage(1, 1, "summary", Flash25, 10, 10, March)], null, CancellationToken.None)));

        Assert.All(outcomes, refusal => Assert.Contains("refused at commit", refusal!.Message, StringComparison.Ordinal));
        var totals = await new CostReports(database).TotalsAsync(CostScope.Organization(orgId), March, March.AddDays(1), CancellationToken.None);
        Assert.Equal(following.Length, totals.Questions);
        Assert.Equal(await CostReports.FromLedgerRows(database).TotalsAsync(CostScope.Organization(orgId), March, March.AddDays(1), CancellationToken.None), totals);
        Assert.Equal((1L, (long)following.Length), (commits.Transactions, commits.Writes));
    }
}
