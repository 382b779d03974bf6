using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Storage;
using OrleansAssistant.Grains.Storage.Reminders;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>Our own reminder table in the embedded SQLite file.</summary>
public sealed class SqliteReminderTableFixture : ReminderTableFixture
{
    private readonly TempDirectory _folder = new();

    protected override Task AddTableAsync(IServiceCollection services)
    {
        var file = new SqliteGrainStorageOptions { DatabasePath = Path.Combine(_folder.Path, "nested", "grains.db") };
        services.AddSingleton<IReminderTable>(provider => ActivatorUtilities.CreateInstance<SqliteReminderTable>(provider, file));
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

public sealed class SqliteReminderTableTests(SqliteReminderTableFixture fixture)
    : ReminderTableTests(fixture), IClassFixture<SqliteReminderTableFixture>
{
    [Fact]
    public async Task Remove_WithAnETagThatIsNotAVersion_IsRefused_AndChangesNothing()
    {
        var grain = GrainId.Create("remindertest", $"g_{Guid.NewGuid():N}");
        await fixture.Table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "kept", StartAt = DateTime.UtcNow, Period = TimeSpan.FromHours(1) });

        Assert.False(await fixture.Table.RemoveRow(grain, "kept", "not-a-version"));
        Assert.NotNull(await fixture.Table.ReadRow(grain, "kept"));
    }
}
