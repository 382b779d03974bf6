using OrleansAssistant.Benchmarks.Query;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>Registered users with "Demo Sales" selected, so their questions go to it.</summary>
internal static class DemoSalesUsers
{
    public static async Task<long[]> RegisterAsync(IGrainFactory grains, int count)
    {
        var users = await BenchUsers.RegisterAsync(grains, count);
        var databases = grains.GetGrain<IDatabasesGrain>(0);
        foreach (var userId in users)
        {
            var selected = await databases.SelectAsync(userId, DemoSalesDatabase.DatabaseId);
            if (!selected.Succeeded) throw new InvalidOperationException($"Selecting Demo Sales failed: {selected.Message}");
        }
        return users;
    }
}
