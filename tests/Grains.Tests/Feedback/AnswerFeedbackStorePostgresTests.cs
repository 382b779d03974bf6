using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Feedback;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Feedback;

/// <summary>The feedback table's upsert and reason prompt on PostgreSQL, where presses of several gateways may race.</summary>
public sealed class AnswerFeedbackStorePostgresTests
{
    private static async Task<AnswerFeedbackStore> StoreAsync()
    {
        var database = new AppDatabase(PostgreSqlDialect.Instance, await TestPostgres.CreateDatabaseAsync("feedback"));
        await database.MigrateAsync(new SchemaMigrator(TimeProvider.System, NullLogger<SchemaMigrator>.Instance), CancellationToken.None);
        return new AnswerFeedbackStore(database, TimeProvider.System);
    }

    [Fact]
    public async Task RacingFirstPresses_StoreOneRow_AndOnlyOneCountsAsAChange()
    {
        var store = await StoreAsync();

        var presses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.SetVerdictAsync("tg_5_1", 5, FeedbackVerdict.NotHelpful, CancellationToken.None)));
        var changed = await store.SetVerdictAsync("tg_5_1", 5, FeedbackVerdict.Helpful, CancellationToken.None);

        Assert.Single(presses, won => won);
        Assert.True(changed);
    }

    [Fact]
    public async Task ReasonPrompt_TakesOneReply_AndAChangeToHelpfulForgetsIt()
    {
        var store = await StoreAsync();
        await store.SetVerdictAsync("tg_6_1", 6, FeedbackVerdict.NotHelpful, CancellationToken.None);

        var awaited = await store.AwaitReasonAsync("tg_6_1", 6, 6, 42, CancellationToken.None);
        var recorded = await store.RecordReasonAsync(6, 6, 42, "Wrong month", CancellationToken.None);
        var second = await store.RecordReasonAsync(6, 6, 42, "again", CancellationToken.None);
        await store.AwaitReasonAsync("tg_6_1", 6, 6, 43, CancellationToken.None);
        await store.SetVerdictAsync("tg_6_1", 6, FeedbackVerdict.Helpful, CancellationToken.None);
        var afterChange = await store.RecordReasonAsync(6, 6, 43, "late", CancellationToken.None);

        Assert.Equal((true, true, false, false), (awaited, recorded, second, afterChange));
        Assert.False(await store.IsVerifiedAsync("tg_6_1", CancellationToken.None));
    }
}
