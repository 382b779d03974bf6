using OrleansAssistant.TestSupport;
using OrleansAssistant.TestSupport.Grains;

namespace OrleansAssistant.Silo.Tests;

/// <summary>State written before a full stop of the silo is there after it starts again.</summary>
public sealed class SiloRestartTests
{
    [Fact]
    public async Task GrainState_SurvivesFullSiloRestart_OnEmbeddedSqlite()
    {
        using var folder = new TempDirectory();
        await AssertSurvivesRestartAsync(InProcessSilo.BaseSettings(folder.Path));
    }

    [Fact]
    public async Task GrainState_SurvivesFullSiloRestart_OnPostgreSql()
    {
        using var folder = new TempDirectory();
        var database = await TestPostgres.CreateDatabaseAsync("restart");
        var settings = InProcessSilo.BaseSettings(folder.Path);
        settings["ConnectionStrings:Default"] = database;
        settings["Cluster:Clustering"] = "AdoNet";
        settings["GrainStorage:Provider"] = "AdoNet";
        settings["AppDatabase:Provider"] = "PostgreSql";

        await AssertSurvivesRestartAsync(settings);
    }

    private static async Task AssertSurvivesRestartAsync(Dictionary<string, string?> settings)
    {
        var key = $"restart-{Guid.NewGuid():N}";
        await using (var first = await InProcessSilo.StartAsync(settings))
        {
            await first.Grains.GetGrain<ICounterGrain>(key).Add(5);
            await first.Grains.GetGrain<ICounterGrain>(key).Add(37);
        }

        await using var second = await InProcessSilo.StartAsync(settings);
        Assert.Equal(42, await second.Grains.GetGrain<ICounterGrain>(key).Get());
    }
}
