using Microsoft.Data.Sqlite;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>A newcomer can ask a question at once: the demo database is offered to every user.</summary>
public sealed class DemoDatabaseOfferTests
{
    [Fact]
    public async Task FirstStart_CreatesDemoSales_AndEveryUserCanQueryIt_ButNotRemoveIt()
    {
        using var folder = new TempDirectory();
        var settings = InProcessSilo.BaseSettings(folder.Path);
        settings["Databases:DemoDatabase"] = "true";
        await using (var silo = await InProcessSilo.StartAsync(settings))
        {
            var userId = await TestUsers.RegisterAsync(silo.Grains);
            var databases = silo.Grains.GetGrain<IDatabasesGrain>(0);

            Assert.Equal(DemoSalesDatabase.DatabaseId, (await silo.Grains.GetGrain<Interfaces.Users.IUserGrain>(userId).GetInfoAsync())!.ActiveDatabaseId);
            var usable = await databases.ListUsableAsync(userId);
            var demo = Assert.Single(usable, database => database.DatabaseId == DemoSalesDatabase.DatabaseId);
            Assert.Equal(("Demo Sales", true), (demo.Name, demo.IsShared));
            Assert.True((await databases.SelectAsync(userId, demo.DatabaseId)).Succeeded);
            var answer = await silo.Grains.GetGrain<IDatabaseConnectionGrain>(demo.DatabaseId).QueryAsync(userId,
                "SELECT region_name, sum(total) AS sales FROM order_totals WHERE ordered_at >= '2025-01-01' AND ordered_at < '2026-01-01' AND status <> 'Cancelled' GROUP BY region_name ORDER BY sales DESC");
            Assert.True(answer.Succeeded, answer.Message);
            Assert.Equal(5, answer.Rows.Count);
            Assert.Equal(DatabaseError.NotAllowed, (await databases.RemoveAsync(userId, demo.DatabaseId)).Error);
        }

        // A second start keeps the same file and registration.
        var file = Path.Combine(folder.Path, DemoSalesDatabase.FileName);
        var written = File.GetLastWriteTimeUtc(file);
        await using (var again = await InProcessSilo.StartAsync(settings))
        {
            Assert.Equal(written, File.GetLastWriteTimeUtc(file));
            Assert.NotNull(await again.Grains.GetGrain<IDatabaseConnectionGrain>(DemoSalesDatabase.DatabaseId).GetInfoAsync());
        }
        SqliteConnection.ClearAllPools();
    }
}
