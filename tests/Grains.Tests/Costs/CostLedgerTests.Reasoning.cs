using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>Reasoning tokens and calls without a price in the ledger, its daily totals, its reports and its schema.</summary>
public abstract partial class CostLedgerTests
{
    private static readonly DateTimeOffset June3 = new(2026, 6, 3, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Cost_BillsReasoningTokensAtTheOutputPrice()
    {
        Assert.Equal((0.0003m, 0.00075m), CostCalculator.Cost(Flash25, 1_000, 100, reasoningTokens: 200));
        Assert.Equal(CostCalculator.Cost(Flash25, 1_000, 300), CostCalculator.Cost(Flash25, 1_000, 100, reasoningTokens: 200));
    }

    [Fact]
    public async Task Record_ReasoningAndUnpricedCalls_StoredCountedAndReportedAlikeFromRowsAndDailyTotals()
    {
        var (orgId, userId, id) = ($"ORG_reason_{NewId()}", NewId(), NewConversationId());
        var (input, output) = CostCalculator.Cost(Flash25, 1_000, 100, 200);
        StageRecord[] stages =
        [
            new(1, 1, "summary", Flash25.Model, 1_000, 100, input, output, June3, 500, true, ReasoningTokens: 200),
            new(2, 2, "answer", "no-price-model", 400, 30, 0m, 0m, June3, 500, true, ReasoningTokens: 70, PriceKnown: false),
        ];

        await Ledger.RecordAsync(Conversation(id, userId, orgId, June3), stages, null, CancellationToken.None);

        var calls = (await Ledger.CallsAsync([id], CancellationToken.None))[id];
        Assert.Equal([(200, true), (70, false)], calls.Select(call => (call.ReasoningTokens, call.PriceKnown)));
        var (day, nextDay) = (new DateTimeOffset(June3.Date, TimeSpan.Zero), new DateTimeOffset(June3.Date.AddDays(1), TimeSpan.Zero));
        var scope = CostScope.Organization(orgId);
        var reports = new CostReports(Database);
        var totals = await reports.TotalsAsync(scope, day, nextDay, CancellationToken.None);
        Assert.Equal(new CostTotals(1, 1_400, 130, 0.0003m, 0.00075m, ReasoningTokens: 270, UnpricedCalls: 1), totals);
        var byModel = await reports.ByModelAsync(scope, day, nextDay, CancellationToken.None);
        Assert.Equal(new ModelCost("no-price-model", 1, 400, 30, 0m, 0m, ReasoningTokens: 70, UnpricedCalls: 1),
                     Assert.Single(byModel, line => line.Model == "no-price-model"));
        Assert.Equal(new UserCost(userId, 1, 1_400, 130, 0.0003m, 0.00075m, ReasoningTokens: 270, UnpricedCalls: 1),
                     Assert.Single(await reports.ByUserAsync(orgId, day, nextDay, CancellationToken.None)));
        Assert.Equal(new InputOutputSplit(new TokenSpend(1_400, 0.0003m), new TokenSpend(130, 0.00075m), 270, 1),
                     await reports.InputOutputAsync(scope, day, nextDay, CancellationToken.None));
        await AssertSameReportsAsync(Database, orgId, day, nextDay, expectQuestions: true);
        // The user's own report reads the rows, with the same figures.
        Assert.Equal(totals, await reports.TotalsAsync(CostScope.User(userId), day, nextDay, CancellationToken.None));
    }

    [Fact]
    public async Task Rebuild_KeepsReasoningAndUnpricedCalls_InTheDailyTotals()
    {
        var database = await Fixture.CreateMigratedAsync();
        var (orgId, userId) = ($"ORG_rebuild_{NewId()}", NewId());
        await Fixture.LedgerFor(database).RecordAsync(Conversation(NewConversationId(), userId, orgId, June3),
            [new(1, 2, "answer", "no-price-model", 400, 30, 0m, 0m, June3, 500, true, ReasoningTokens: 70, PriceKnown: false)], null, CancellationToken.None);
        var (day, nextDay) = (new DateTimeOffset(June3.Date, TimeSpan.Zero), new DateTimeOffset(June3.Date.AddDays(1), TimeSpan.Zero));
        var before = await new CostReports(database).ByModelAsync(CostScope.Organization(orgId), day, nextDay, CancellationToken.None);

        await ExecuteAsync(database, "UPDATE DailyModelCosts SET ReasoningTokens = 0, UnpricedCalls = 0");
        await CostAggregateRebuild.RebuildAsync(database);

        var after = await new CostReports(database).ByModelAsync(CostScope.Organization(orgId), day, nextDay, CancellationToken.None);
        Assert.Equal(before, after);
        Assert.Equal((70L, 1L), (after[0].ReasoningTokens, after[0].UnpricedCalls));
    }

    [Fact]
    public async Task SchemaV5_OverEarlierCalls_MarksThoseWithoutAPrice_EvenWhenRunAgain()
    {
        var (dialect, connectionString) = (Fixture.Dialect, await Fixture.CreateEmptyAsync());
        var scripts = SchemaScript.For(dialect);
        var daily = scripts.Single(script => script.Name.EndsWith("_daily_costs.sql", StringComparison.Ordinal));
        await RunScriptsAsync(dialect, connectionString, scripts.Where(script => script.Version < daily.Version));
        var database = new AppDatabase(dialect, connectionString);
        var (orgId, userId, id) = ("ORG_v4calls", NewId(), NewConversationId());
        await InsertPreV5CallsAsync(database, Conversation(id, userId, orgId, June3), ("gemini-2.5-flash", 0.0003m), ("retired-model", 0m));

        await new SchemaMigrator(TimeProvider.System, NullLogger<SchemaMigrator>.Instance).ApplyAsync(dialect, connectionString, "test", CancellationToken.None);
        await RunScriptsAsync(dialect, connectionString, scripts); // as after a crash before the versions were recorded

        var calls = (await Fixture.LedgerFor(database).CallsAsync([id], CancellationToken.None))[id];
        Assert.Equal([("gemini-2.5-flash", true, 0), ("retired-model", false, 0)], calls.Select(call => (call.Model, call.PriceKnown, call.ReasoningTokens)));
        var (day, nextDay) = (new DateTimeOffset(June3.Date, TimeSpan.Zero), new DateTimeOffset(June3.Date.AddDays(1), TimeSpan.Zero));
        var fromDaily = await new CostReports(database).ByModelAsync(CostScope.Organization(orgId), day, nextDay, CancellationToken.None);
        Assert.Equal(await CostReports.FromLedgerRows(database).ByModelAsync(CostScope.Organization(orgId), day, nextDay, CancellationToken.None), fromDaily);
        Assert.Equal([("gemini-2.5-flash", 0L), ("retired-model", 1L)], fromDaily.Select(line => (line.Model, line.UnpricedCalls)).Order());
    }

    /// <summary>A conversation and its calls as the ledger wrote them before schema v5 (no reasoning, no price flag).</summary>
    private static async Task InsertPreV5CallsAsync(AppDatabase database, ConversationRecord conversation, params (string Model, decimal Cost)[] calls)
    {
        var money = (decimal value) => database.Dialect is SqliteDialect ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : (object)value;
        await ExecuteAsync(database, """
            INSERT INTO Conversations (ConversationId, ChatId, UserId, OrgId, Question, Status, StartedAt)
            VALUES (@id, @userId, @userId, @orgId, 'q', 'Answered', @startedAt)
            """, ("@id", conversation.ConversationId), ("@userId", conversation.UserId), ("@orgId", conversation.OrgId),
            ("@startedAt", database.Dialect.Timestamp(conversation.StartedAt)));
        for (var i = 0; i < calls.Length; i++)
        {
            await ExecuteAsync(database, """
                INSERT INTO ConversationStages (ConversationId, Sequence, StageNumber, StageName, Model, InputTokens, OutputTokens,
                                                InputCost, OutputCost, TotalCost, StartedAt, Succeeded)
                VALUES (@id, @sequence, 1, 'summary', @model, 1000, 10, @cost, @zero, @cost, @startedAt, @succeeded)
                """, ("@id", conversation.ConversationId), ("@sequence", i + 1), ("@model", calls[i].Model), ("@cost", money(calls[i].Cost)),
                ("@zero", money(0m)), ("@startedAt", database.Dialect.Timestamp(conversation.StartedAt)), ("@succeeded", true));
        }
    }
}
