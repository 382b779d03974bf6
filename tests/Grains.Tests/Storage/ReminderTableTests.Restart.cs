using Microsoft.Data.Sqlite;
using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Grains;

namespace OrleansAssistant.Grains.Tests.Storage;

/// <summary>On the embedded default a reminder outlives the silo that registered it.</summary>
public sealed class ReminderTableRestartTests
{
    [Fact]
    public async Task Reminder_RegisteredOnTheEmbeddedDefault_IsStillRegisteredAfterARestartOnTheSameDataFolder()
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        var grainKey = $"probe-{Guid.NewGuid():N}";

        await using (var silo = await InProcessSilo.StartAsync(settings))
        {
            var probe = silo.Grains.GetGrain<IReminderProbeGrain>(grainKey);
            // Due in an hour: the test looks at the registration, not at a tick.
            await probe.Register("weekly-report", TimeSpan.FromHours(1), TimeSpan.FromDays(7));
            Assert.True(await probe.IsRegistered("weekly-report"));
        }

        await using (var again = await InProcessSilo.StartAsync(settings))
        {
            var probe = again.Grains.GetGrain<IReminderProbeGrain>(grainKey);
            Assert.True(await probe.IsRegistered("weekly-report"));
            Assert.False(await probe.IsRegistered("never-registered"));
        }
        SqliteConnection.ClearAllPools();
    }
}
