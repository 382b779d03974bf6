using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// Offers questions at a set arrival rate, whatever the replies do (an open loop): each arrival goes to the user who
/// has been idle longest, and never waits for an earlier answer. A user has one question open at a time, as a person
/// in a chat would; an arrival that finds every user waiting is counted as unserved rather than queued here.
/// </summary>
internal sealed class OpenLoopDriver(IReadOnlyList<SimulatedUser> users, TimeSpan patience, int seed)
{
    private readonly ConcurrentQueue<SimulatedUser> _idle = new(users);
    private readonly ConcurrentBag<ActionSample> _samples = [];
    private readonly List<long> _arrivals = [];
    private readonly List<long> _unserved = [];
    private readonly List<Task> _questions = [];
    private int _open;
    private double _rate;

    /// <summary>Questions sent and not yet answered (or given up on).</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>The arrival rate from the next arrival on, in questions a second.</summary>
    public double Rate
    {
        get => Volatile.Read(ref _rate);
        set => Volatile.Write(ref _rate, value);
    }

    /// <summary>Offers arrivals until <paramref name="stop"/>, then waits for the open questions (each bounded by the patience).</summary>
    /// <returns>Every question, and the timestamps of all arrivals and of those that found no idle user.</returns>
    public async Task<(IReadOnlyList<ActionSample> Samples, IReadOnlyList<long> Arrivals, IReadOnlyList<long> Unserved)> RunAsync(CancellationToken stop)
    {
        var arrivals = new PoissonArrivals(seed);
        // Arrival times are kept on an absolute schedule: a late timer is followed by the arrivals it owes at once,
        // so the offered rate holds even though a delay cannot wait less than about a millisecond.
        var due = Stopwatch.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            due += (long)(arrivals.NextGap(Rate).TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
            }
            Arrive(arrivals.Question());
        }
        await Task.WhenAll(_questions);
        return ([.. _samples], _arrivals, _unserved);
    }

    private void Arrive(string question)
    {
        var now = Stopwatch.GetTimestamp();
        _arrivals.Add(now);
        if (!_idle.TryDequeue(out var user))
        {
            _unserved.Add(now);
            return;
        }
        Interlocked.Increment(ref _open);
        _questions.Add(AskAsync(user, question));
    }

    private async Task AskAsync(SimulatedUser user, string question)
    {
        try
        {
            _samples.Add(await user.AskAsync(question, patience));
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            _idle.Enqueue(user);
        }
    }
}
