namespace OrleansAssistant.Grains.Databases;

/// <summary>
/// How often one person may try a connection (adding a database tries it too): a few tests a minute are plenty for a
/// person, and a scan of ports or passwords needs thousands. Counted per silo.
/// </summary>
public sealed class ConnectionTestLimiter(TimeProvider timeProvider)
{
    public const int TestsPerWindow = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<long, Queue<DateTimeOffset>> _recent = [];
    private readonly Lock _gate = new();

    /// <returns>Null when the test may go ahead (and is counted); otherwise how long until the next one may.</returns>
    public TimeSpan? TryTake(long userId)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_recent.TryGetValue(userId, out var times)) _recent[userId] = times = new Queue<DateTimeOffset>();
            while (times.TryPeek(out var oldest) && now - oldest >= Window) times.Dequeue();
            if (times.Count >= TestsPerWindow) return times.Peek() + Window - now;
            times.Enqueue(now);
            // Forget people who stopped testing, so the table holds only the last minute's testers.
            if (_recent.Count > 10_000) Forget(now);
            return null;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (userId, times) in _recent.Where(entry => entry.Value.All(time => now - time >= Window)).ToArray())
        {
            _recent.Remove(userId);
            times.Clear();
        }
    }
}
