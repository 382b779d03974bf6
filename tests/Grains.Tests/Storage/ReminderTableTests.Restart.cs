using Microsoft.Data.Sqlite;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Grains;

namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>A reminder outlives the silo that registered it, on the embedded default and on PostgreSQL.</summary>
public sealed class ReminderTableRestartTests
{
    [Fact]
    public async Task Reminder_OnTheEmbeddedDefault_IsStillRegisteredAfterARestartOnTheSameDataFolder()
    {
        using var folder = new TempDirectory();
        await AssertSurvivesRestartAsync(InProcessSilo.BaseSettings(folder.Path));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Reminder_OnPostgreSql_IsStillRegisteredAfterARestart()
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        settings["ConnectionStrings:Default"] = await TestPostgres.CreateDatabaseAsync("reminderrestart");
        settings["Cluster:Clustering"] = "AdoNet";
        settings["GrainStorage:Provider"] = "AdoNet";
        settings["AppDatabase:Provider"] = "PostgreSql";

        await AssertSurvivesRestartAsync(settings);
    }

    private static async Task AssertSurvivesRestartAsync(Dictionary<string, string?> settings)
    {
        var grainKey = $"probe-{Guid.NewGuid():N}";
        await using (var silo = await InProcessSilo.StartAsync(settings))
        {
            var probe = silo.Grains.GetGrain<IReminderProbeGrain>(grainKey);
            // Due in an hour: the test looks at the registration, not at a tick.
            await probe.Register("weekly-report", TimeSpan.FromHours(1), TimeSpan.FromDays(7));
            Assert.True(await probe.IsRegistered("weekly-report"));
        }

        await using var again = await InProcessSilo.StartAsync(settings);
        var restarted = again.Grains.GetGrain<IReminderProbeGrain>(grainKey);
        Assert.True(await restarted.IsRegistered("weekly-report"));
        Assert.False(await restarted.IsRegistered("never-registered"));
    }
}
