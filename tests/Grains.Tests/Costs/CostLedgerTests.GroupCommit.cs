using System.Data.Common;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Batching;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>Questions finishing together share one transaction, and each still fails or succeeds as its own.</summary>
public abstract partial class CostLedgerTests
{
    /// <summary>Rows one question of these tests writes: the conversation and its one model call.</summary>
    private const int RowsPerQuestion = 2;

    [Fact]
    public async Task ConcurrentQuestions_AreCommittedInOneTransaction_WithExactTotals()
    {
        const int questions = 8;
        var commits = BatchOf(Database, questions);
        var ledger = new ConversationLedger(Database, TimeProvider.System, commits);
        var (orgId, userId) = ($"ORG_batch_{NewId()}", NewId());
        var ids = Enumerable.Range(0, questions).Select(_ => NewConversationId()).ToArray();

        await Task.WhenAll(ids.Select((id, index) => ledger.RecordAsync(Conversation(id, userId, orgId, March),
            [Stage(1, 1, "summary", Flash25, 700 + index, 31 + index, March)], null, CancellationToken.None)));

        Assert.Equal((1L, (long)questions), (commits.Transactions, commits.Writes));
        foreach (var id in ids) Assert.Equal(1, await CountAsync("Conversations", "ConversationId", id));
        if (Database.Dialect is PostgreSqlDialect)
        {
            // The server's own account: every row carries the id of the transaction that wrote it.
            Assert.Equal(1, await ScalarInt64Async("SELECT COUNT(DISTINCT xmin::text) FROM Conversations WHERE OrgId = @orgId", ("@orgId", orgId)));
        }
        Assert.Equal(questions, await ScalarInt64Async("SELECT Questions FROM DailyQuestionCosts WHERE OrgId = @orgId", ("@orgId", orgId)));
        var expectedInput = ids.Select((_, index) => Stage(1, 1, "summary", Flash25, 700 + index, 31 + index, March).InputCost).Sum();
        var report = await new CostReports(Database).TotalsAsync(CostScope.Organization(orgId), March, March.AddDays(1), CancellationToken.None);
        Assert.Equal(questions, report.Questions);
        Assert.Equal(AtTenPlaces(expectedInput), report.InputCost);
        Assert.Equal(report, await CostReports.FromLedgerRows(Database).TotalsAsync(CostScope.Organization(orgId), March, March.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task DuplicateConversation_InABatch_FailsOnlyItsOwnQuestion()
    {
        var commits = BatchOf(Database, 4);
        var ledger = new ConversationLedger(Database, TimeProvider.System, commits);
        var (orgId, userId) = ($"ORG_dup_{NewId()}", NewId());
        var (first, repeated, last) = (NewConversationId(), NewConversationId(), NewConversationId());

        var outcomes = await Task.WhenAll(new[] { first, repeated, repeated, last }.Select(id =>
            RefusalOf(ledger.RecordAsync(Conversation(id, userId, orgId, March), [Stage(1, 1, "summary", Flash25, 10, 10, March)], null, CancellationToken.None))));

        Assert.Equal([false, false, true, false], outcomes.Select(refusal => refusal is not null));
        foreach (var id in new[] { first, repeated, last }) Assert.Equal(1, await CountAsync("Conversations", "ConversationId", id));
        Assert.Equal(3, await ScalarInt64Async("SELECT Questions FROM DailyQuestionCosts WHERE OrgId = @orgId", ("@orgId", orgId)));
        // A later attempt under a recorded id is refused as before, alone in its batch.
        await Assert.ThrowsAnyAsync<DbException>(() =>
            Ledger.RecordAsync(Conversation(repeated, userId, orgId, March), [Stage(1, 1, "summary", Flash25, 10, 10, March)], null, CancellationToken.None));
        Assert.Equal(3, await ScalarInt64Async("SELECT Questions FROM DailyQuestionCosts WHERE OrgId = @orgId", ("@orgId", orgId)));
    }

    /// <summary>
    /// A group commit whose batch closes as soon as it holds <paramref name="questions"/> questions of these tests;
    /// the long window only keeps a slow machine from cutting a batch early.
    /// </summary>
    protected GroupCommit BatchOf(AppDatabase database, int questions) =>
        Fixture.CommitsFor(database, new GroupCommitSettings { Window = TimeSpan.FromSeconds(30), MaxRows = questions * RowsPerQuestion });

    protected static async Task<DbException?> RefusalOf(Task recording)
    {
        try
        {
            await recording;
            return null;
        }
        catch (DbException refused)
        {
            return refused;
        }
    }
}
