namespace OrleansAssistant.Gateway.Bot;

/// <summary>
/// One lane per chat: the updates of a chat are handled one after another in the order they arrived,
/// while different chats run side by side. A lane exists only while it has work.
/// </summary>
internal sealed class ChatLanes
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Task> _tails = [];

    /// <summary>Runs <paramref name="work"/> after everything queued before it in <paramref name="chatId"/>'s lane.</summary>
    /// <returns>Completes when this piece of work has finished (its failures are the work's own to handle).</returns>
    public Task RunAsync(long chatId, Func<Task> work)
    {
        Task mine;
        lock (_gate)
        {
            var before = _tails.GetValueOrDefault(chatId) ?? Task.CompletedTask;
            // On the thread pool, so neither the caller nor this lock ever runs the work itself.
            mine = Task.Run(async () =>
            {
                await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                await work();
            });
            _tails[chatId] = mine;
        }
        _ = mine.ContinueWith(done => Forget(chatId, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return mine;
    }

    /// <summary>Work queued in all lanes now, for a bounded wait at shutdown.</summary>
    public Task[] Pending()
    {
        lock (_gate) return [.. _tails.Values];
    }

    private void Forget(long chatId, Task done)
    {
        lock (_gate)
        {
            if (_tails.TryGetValue(chatId, out var tail) && tail == done) _tails.Remove(chatId);
        }
    }
}
