namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>An append-only, thread-safe record that tests can read or wait on.</summary>
public sealed class RecordedLog<T>
{
    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private TaskCompletionSource _changed = NewSignal();

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate) return [.. _items];
    }

    internal void Add(T item)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _items.Add(item);
            changed = _changed;
            _changed = NewSignal();
        }
        changed.SetResult();
    }

    /// <summary>The entries recorded from <paramref name="index"/> on, and a task that completes when the next one is recorded.</summary>
    public (T[] Entries, Task Next) ReadFrom(int index)
    {
        lock (_gate)
        {
            var from = Math.Min(index, _items.Count);
            return (_items.GetRange(from, _items.Count - from).ToArray(), _changed.Task);
        }
    }

    /// <summary>The first entry (already recorded or still to come) that matches.</summary>
    /// <exception cref="TimeoutException">Nothing matched in time; the message lists what was recorded.</exception>
    public async Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                foreach (var item in _items)
                {
                    if (predicate(item)) return item;
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(Max(deadline - DateTime.UtcNow, TimeSpan.Zero));
            }
            catch (TimeoutException)
            {
                var seen = string.Join(Environment.NewLine + "  ", Snapshot());
                throw new TimeoutException($"No {what} within {timeout.TotalSeconds:0.#} s. Recorded:{Environment.NewLine}  {seen}");
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // Waiters resume off the recording thread so a slow test never blocks the HTTP handler.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
