using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Databases;

/// <summary>The demo SQLite file, created on first start and registered as a database shared with everyone.</summary>
public static class DemoDatabaseRegistration
{
    public static Task CreateFileAsync(string dataDirectory, CancellationToken cancellationToken) =>
        DemoSalesDatabase.EnsureCreatedAsync(PathIn(dataDirectory), cancellationToken);

    /// <summary>Registers the file once; later starts find the grain already there.</summary>
    public static async Task RegisterAsync(IGrainFactory grains, string dataDirectory)
    {
        var database = grains.GetGrain<IDatabaseConnectionGrain>(DemoSalesDatabase.DatabaseId);
        if (await database.GetInfoAsync() is not null) return;
        await database.CreateAsync(new DatabaseRegistration(
            DemoSalesDatabase.DisplayName, DatabaseProvider.Sqlite, $"Data Source={PathIn(dataDirectory)}", $"SQLite file '{DemoSalesDatabase.FileName}'",
            OwnerUserId: null, OwnerOrgId: null, IsShared: true, CreatedBy: 0));
    }

    private static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, DemoSalesDatabase.FileName);
}
