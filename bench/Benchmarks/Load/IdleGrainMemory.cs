using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// Memory per idle user grain: the silos' resident memory before and after registering (and so activating) extra
/// users who then do nothing. Approximate: the garbage collector runs when it likes, and RSS counts what it keeps.
/// </summary>
internal static class IdleGrainMemory
{
    public const int ExtraUsers = 2_000;
    // Far from the simulated users' ids.
    private const long FirstId = 9_400_000_000;

    /// <returns>Bytes of silo memory per extra active user grain.</returns>
    public static async Task<double> MeasureAsync(IClusterClient cluster, IReadOnlyList<int> siloProcessIds, CancellationToken cancellationToken)
    {
        var before = await UsageSampler.SettledRssBytesAsync(siloProcessIds, cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, ExtraUsers), options, async (index, _) =>
        {
            var id = FirstId + index;
            await cluster.GetGrain<IUserGrain>(id).RegisterAsync(new TelegramProfile(id, $"idle{index}", "Idle", null, "en"));
        });
        var after = await UsageSampler.SettledRssBytesAsync(siloProcessIds, cancellationToken);
        return (after - before) / ExtraUsers;
    }
}
