using Microsoft.Extensions.Logging.Abstractions;
using OrleansAssistant.Grains.Email;
using OrleansAssistant.Grains.Interfaces.Email;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Email;

/// <summary>The outbox's conditional updates on PostgreSQL, where several silos share one table.</summary>
public sealed class EmailOutboxStorePostgresTests
{
    private static async Task<EmailOutboxStore> StoreAsync()
    {
        var database = new AppDatabase(PostgreSqlDialect.Instance, await TestPostgres.CreateDatabaseAsync("emailoutbox"));
        await database.MigrateAsync(new SchemaMigrator(TimeProvider.System, NullLogger<SchemaMigrator>.Instance), CancellationToken.None);
        return new EmailOutboxStore(database, TimeProvider.System);
    }

    [Fact]
    public async Task EmailOutboxStore_OnPostgreSql_QueuesClaimsAndTellsEachEmailOnce()
    {
        var store = await StoreAsync();
        await store.InsertDraftAsync("e1", 9, 3, new EmailDraft(["ann@example.com"], "Hi", "Body"), CancellationToken.None);

        var queued = await Task.WhenAll(store.QueueAsync("e1", 9, CancellationToken.None), store.QueueAsync("e1", 9, CancellationToken.None));
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            store.ClaimDueAsync(10, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None)));
        var claimed = Assert.Single(claims.SelectMany(claim => claim));
        await store.MarkSentAsync(claimed.Id, CancellationToken.None);
        var notices = await Task.WhenAll(store.TakeNoticesAsync(10, CancellationToken.None), store.TakeNoticesAsync(10, CancellationToken.None));

        Assert.Single(queued, won => won);
        Assert.Equal(1, claimed.Attempts);
        Assert.Equal(["ann@example.com"], claimed.To);
        Assert.Equal(1, await store.CountRecipientsQueuedSinceAsync(9, DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None));
        var notice = Assert.Single(notices.SelectMany(taken => taken));
        Assert.Equal(("e1", EmailStatus.Sent, 3L), (notice.DraftId, notice.Status, notice.ChatId));
    }
}
