using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Benchmarks.Query;

/// <summary>Registered users to query as: the database grain checks each asker's registration on every query.</summary>
internal static class BenchUsers
{
    // Far above real Telegram ids of today, so they can never be mistaken for someone's account.
    private const long FirstId = 9_100_000_000;

    public static async Task<long[]> RegisterAsync(IGrainFactory grains, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => FirstId + i).ToArray();
        foreach (var id in ids)
        {
            await grains.GetGrain<IUserGrain>(id).RegisterAsync(new TelegramProfile(id, "bench", "Bench", null, "en"));
        }
        return ids;
    }
}
