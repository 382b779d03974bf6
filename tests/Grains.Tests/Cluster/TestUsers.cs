using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Tests.Cluster;

/// <summary>Fresh Telegram users for tests: unique ids so tests sharing a silo never meet.</summary>
public static class TestUsers
{
    private static long _next = 7_000_000_000 + Random.Shared.Next(0, 1_000_000) * 1000L;

    public static long NewId() => Interlocked.Increment(ref _next);

    /// <summary>Registers a new user the way the bot does on /start and returns their id.</summary>
    public static async Task<long> RegisterAsync(IGrainFactory grains, string firstName = "Test")
    {
        var id = NewId();
        await grains.GetGrain<IUserGrain>(id).RegisterAsync(new TelegramProfile(id, $"user{id}", firstName, null, "en"));
        return id;
    }
}
