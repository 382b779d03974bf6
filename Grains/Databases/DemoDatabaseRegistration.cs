using Microsoft.Extensions.Logging;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Databases;

/// <summary>The demo SQLite file, created on first start and registered as a database shared with everyone.</summary>
public static partial class DemoDatabaseRegistration
{
    /// <summary>Removes what a build killed midway left behind, then creates the file when missing.</summary>
    public static Task CreateFileAsync(string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var removed = DemoSalesDatabase.RemoveAbandonedBuilds(PathIn(dataDirectory));
        if (removed.Count > 0) LogRemovedAbandonedBuilds(logger, removed.Count, string.Join(", ", removed));
        return DemoSalesDatabase.EnsureCreatedAsync(PathIn(dataDirectory), cancellationToken);
    }

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

    [LoggerMessage(1, LogLevel.Warning, "Removed {Count} half-built demo database file(s) left by a stopped start: {Files}")]
    private static partial void LogRemovedAbandonedBuilds(ILogger logger, int count, string files);
}
