namespace OrleansAssistant.Benchmarks.Pipeline;

/// <summary>
/// Spreads questions over many users, each worker over users of its own: a user allows one running
/// question and 1 per second with bursts of 3, and the benchmark asks far faster than that.
/// </summary>
internal sealed class UserRotation
{
    private readonly long[][] _pools;
    private readonly int[] _asked;

    /// <param name="users">Split evenly over <paramref name="workers"/>.</param>
    public UserRotation(IReadOnlyList<long> users, int workers)
    {
        _pools = [.. users.Chunk(users.Count / workers).Take(workers)];
        _asked = new int[workers];
    }

    /// <summary>The next user of this worker; a worker asks one question at a time, so its counter needs no lock.</summary>
    public long Next(int worker)
    {
        var pool = _pools[worker];
        return pool[_asked[worker]++ % pool.Length];
    }
}
