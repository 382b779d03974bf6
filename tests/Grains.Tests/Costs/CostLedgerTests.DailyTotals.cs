using System.Globalization;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>
/// The daily cost totals beside the ledger: what they hold after recording, that organization reports of
/// whole days read them and equal the reports from the rows, and how the migration and the rebuild fill them.
/// </summary>
public abstract partial class CostLedgerTests
{
    private static readonly DateTimeOffset May10 = new(2026, 5, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DailyTotals_AfterRecording_EqualTheRowSums_Exactly()
    {
        var ledger = SeededLedger(seed: 11);
        await RecordAllAsync(Ledger, ledger.Questions);

        var expected = ledger.Questions
            .Where(q => q.Conversation.OrgId == ledger.OrgA)
            .SelectMany(q => q.Stages.Select(stage => (Day: new DateTimeOffset(q.Conversation.StartedAt.UtcDateTime.Date, TimeSpan.Zero), q.Conversation.UserId, stage)))
            .GroupBy(call => (call.Day, call.UserId, call.stage.Model, call.stage.StageNumber, call.stage.StageName))
            .Select(group => new DailyCallsRow(group.Key.Day, group.Key.UserId, group.Key.Model, group.Key.StageNumber, group.Key.StageName,
                group.LongCount(), group.Sum(call => (long)call.stage.InputTokens), group.Sum(call => (long)call.stage.OutputTokens),
                group.Sum(call => AtTenPlaces(call.stage.InputCost)), group.Sum(call => AtTenPlaces(call.stage.OutputCost))))
            .OrderBy(row => row.ToString(), StringComparer.Ordinal);
        var actual = (await ReadDailyCallsAsync(Database, ledger.OrgA)).OrderBy(row => row.ToString(), StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Reports_OfWholeDays_EqualTheReportsFromLedgerRows()
    {
        var ledger = SeededLedger(seed: 12);
        await RecordAllAsync(Ledger, ledger.Questions);

        foreach (var orgId in new[] { ledger.OrgA, ledger.OrgB })
        {
            await AssertSameReportsAsync(Database, orgId, May10.AddDays(-3), May10.AddDays(4), expectQuestions: true);
            await AssertSameReportsAsync(Database, orgId, May10, May10.AddDays(1), expectQuestions: true);
            await AssertSameReportsAsync(Database, orgId, May10.AddDays(-1), May10, expectQuestions: true);
            await AssertSameReportsAsync(Database, orgId, May10.AddDays(-2), May10.AddDays(2), expectQuestions: true);
            await AssertSameReportsAsync(Database, orgId, May10.AddDays(5), May10.AddDays(30), expectQuestions: false);
        }
    }

    [Fact]
    public async Task Reports_OfWholeDays_ReadTheDailyTotals_AndRebuildRestoresThem()
    {
        var database = await Fixture.CreateMigratedAsync();
        var ledger = SeededLedger(seed: 13);
        await RecordAllAsync(Fixture.LedgerFor(database), ledger.Questions);
        await ExecuteAsync(database, "DELETE FROM DailyQuestionCosts");
        await ExecuteAsync(database, "UPDATE DailyModelCosts SET Calls = Calls + 1");

        var scope = CostScope.Organization(ledger.OrgA);
        Assert.Equal(0, (await new CostReports(database).TotalsAsync(scope, May10.AddDays(-3), May10.AddDays(4), CancellationToken.None)).Questions);
        Assert.NotEqual(0, (await new CostReports(database).TotalsAsync(scope, May10.AddDays(-3), May10.AddDays(4).AddMilliseconds(1), CancellationToken.None)).Questions);

        await CostAggregateRebuild.RebuildAsync(database);

        await AssertSameReportsAsync(database, ledger.OrgA, May10.AddDays(-3), May10.AddDays(4), expectQuestions: true);
        await AssertSameReportsAsync(database, ledger.OrgB, May10, May10.AddDays(1), expectQuestions: true);
    }

    [Fact]
    public async Task Rebuild_OfSomeDays_FollowsAManualFix_AndLeavesOtherDaysAlone()
    {
        var database = await Fixture.CreateMigratedAsync();
        var ledger = SeededLedger(seed: 14);
        await RecordAllAsync(Fixture.LedgerFor(database), ledger.Questions);
        // A fix by hand: one day's questions of organization A move to organization B.
        await ExecuteAsync(database, "UPDATE Conversations SET OrgId = @to WHERE OrgId = @from AND StartedAt >= @dayStart AND StartedAt < @dayEnd",
            ("@to", ledger.OrgB), ("@from", ledger.OrgA), ("@dayStart", database.Dialect.Timestamp(May10)), ("@dayEnd", database.Dialect.Timestamp(May10.AddDays(1))));
        var beforeOtherDays = await new CostReports(database).TotalsAsync(CostScope.Organization(ledger.OrgA), May10.AddDays(-3), May10, CancellationToken.None);

        // Any time of the day counts as the whole day.
        await CostAggregateRebuild.RebuildAsync(database, May10.AddHours(5), May10.AddHours(7));

        await AssertSameReportsAsync(database, ledger.OrgA, May10.AddDays(-3), May10.AddDays(4), expectQuestions: true);
        await AssertSameReportsAsync(database, ledger.OrgB, May10.AddDays(-3), May10.AddDays(4), expectQuestions: true);
        Assert.Equal(0, (await new CostReports(database).TotalsAsync(CostScope.Organization(ledger.OrgA), May10, May10.AddDays(1), CancellationToken.None)).Questions);
        Assert.Equal(beforeOtherDays, await new CostReports(database).TotalsAsync(CostScope.Organization(ledger.OrgA), May10.AddDays(-3), May10, CancellationToken.None));
    }

    [Fact]
    public async Task Migration_OverALedgerWithRows_BackfillsTheTotals_OnceEvenWhenRunAgain()
    {
        var database = await Fixture.CreateMigratedAsync();
        var ledger = SeededLedger(seed: 15);
        await RecordAllAsync(Fixture.LedgerFor(database), ledger.Questions);
        var script = SchemaScript.For(database.Dialect).Single(s => s.Name.EndsWith("_daily_costs.sql", StringComparison.Ordinal));
        // Back to the schema before the totals (and the scripts after it, which shape them), with the ledger rows kept.
        var scripts = SchemaScript.For(database.Dialect).Where(s => s.Version >= script.Version).ToArray();
        await ExecuteAsync(database, "DROP TABLE DailyModelCosts");
        await ExecuteAsync(database, "DROP TABLE DailyQuestionCosts");
        await ExecuteAsync(database, "DELETE FROM SchemaVersions WHERE Version >= @version", ("@version", script.Version));

        Assert.Equal(scripts, await database.MigrateAsync(new(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance), CancellationToken.None));
        // As after a crash before their records.
        foreach (var batch in scripts.SelectMany(s => database.Dialect.SplitBatches(s.Text))) await ExecuteAsync(database, batch);

        await AssertSameReportsAsync(database, ledger.OrgA, May10.AddDays(-3), May10.AddDays(4), expectQuestions: true);
        await AssertSameReportsAsync(database, ledger.OrgB, May10.AddDays(-1), May10, expectQuestions: true);
    }

    [Fact]
    public async Task ConcurrentRecords_OfOneOrganizationUserModelAndDay_AddUpExactly()
    {
        var (orgId, userId) = ($"ORG_{Guid.NewGuid():N}", NewId());
        var at = May10.AddDays(-20).AddHours(9);
        var stage = new StageRecord(1, 1, "summary", Flash25.Model, 1_234, 567, 0.0123456789m, 1.0000000001m, at, 500, true);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            Ledger.RecordAsync(Conversation(NewConversationId(), userId, orgId, at.AddSeconds(i)), [stage, stage with { Sequence = 2 }], null, CancellationToken.None))));

        var scope = CostScope.Organization(orgId);
        var (from, to) = (May10.AddDays(-20), May10.AddDays(-19));
        Assert.Equal(new CostTotals(50, 123_400, 56_700, 1.23456789m, 100.00000001m), await new CostReports(Database).TotalsAsync(scope, from, to, CancellationToken.None));
        Assert.Equal([new ModelCost(Flash25.Model, 100, 123_400, 56_700, 1.23456789m, 100.00000001m)],
            await new CostReports(Database).ByModelAsync(scope, from, to, CancellationToken.None));
        await AssertSameReportsAsync(Database, orgId, from, to, expectQuestions: true);
    }

    private static async Task AssertSameReportsAsync(AppDatabase database, string orgId, DateTimeOffset from, DateTimeOffset to, bool expectQuestions)
    {
        var (daily, rows, scope, none) = (new CostReports(database), CostReports.FromLedgerRows(database), CostScope.Organization(orgId), CancellationToken.None);
        var totals = await rows.TotalsAsync(scope, from, to, none);
        Assert.Equal(expectQuestions, totals.Questions > 0);
        Assert.Equal(totals, await daily.TotalsAsync(scope, from, to, none));
        Assert.Equal(await rows.ByModelAsync(scope, from, to, none), await daily.ByModelAsync(scope, from, to, none));
        Assert.Equal(await rows.ByStageAsync(scope, from, to, none), await daily.ByStageAsync(scope, from, to, none));
        Assert.Equal(await rows.ByUserAsync(orgId, from, to, none), await daily.ByUserAsync(orgId, from, to, none));
        Assert.Equal(await rows.InputOutputAsync(scope, from, to, none), await daily.InputOutputAsync(scope, from, to, none));
    }
}
