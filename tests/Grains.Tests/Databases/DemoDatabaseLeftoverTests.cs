using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>A silo killed while it built the demo database leaves a temporary file; the next start clears it.</summary>
public sealed class DemoDatabaseLeftoverTests
{
    [Fact]
    public async Task Start_AfterABuildWasKilled_RemovesItsHalfBuiltFile_LogsItOnce_AndBuildsTheDatabase()
    {
        using var folder = new TempDirectory();
        // One left by a build whose process is gone (no process has this id), one from before names carried an id.
        var killedBuild = Path.Combine(folder.Path, $"{DemoSalesDatabase.FileName}.tmp-2147483000-0123456789abcdef0123456789abcdef");
        var olderBuild = Path.Combine(folder.Path, $"{DemoSalesDatabase.FileName}.tmp-fedcba9876543210fedcba9876543210");
        await File.WriteAllTextAsync(killedBuild, "half a database");
        await File.WriteAllTextAsync(olderBuild, "half a database");
        var settings = InProcessSilo.BaseSettings(folder.Path);
        settings["Databases:DemoDatabase"] = "true";
        var logs = new LogRecorder();

        await using (await InProcessSilo.StartAsync(settings, services => services.AddSingleton<ILoggerProvider>(logs)))
        {
            Assert.False(File.Exists(killedBuild));
            Assert.False(File.Exists(olderBuild));
            Assert.True(File.Exists(Path.Combine(folder.Path, DemoSalesDatabase.FileName)));
            var line = Assert.Single(logs.Lines, line => line.Contains("half-built demo database", StringComparison.Ordinal));
            Assert.Contains("Removed 2 half-built demo database file(s)", line, StringComparison.Ordinal);
            Assert.Contains(Path.GetFileName(killedBuild), line, StringComparison.Ordinal);
        }
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void RemoveAbandonedBuilds_KeepsTheFileOfABuildStillRunning_AndTheDatabaseItself()
    {
        using var folder = new TempDirectory();
        var database = Path.Combine(folder.Path, DemoSalesDatabase.FileName);
        var running = $"{database}.tmp-{Environment.ProcessId}-0123456789abcdef0123456789abcdef";
        File.WriteAllText(database, "finished");
        File.WriteAllText(running, "being written");

        var removed = DemoSalesDatabase.RemoveAbandonedBuilds(database);

        Assert.Empty(removed);
        Assert.True(File.Exists(running));
        Assert.True(File.Exists(database));
    }
}
