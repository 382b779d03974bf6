using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>Hands each new entry of a fake server's log to a callback, once, in the order recorded.</summary>
internal sealed class LogTail<T>(RecordedLog<T> log)
    where T : class
{
    private volatile bool _stopping;

    /// <summary>Runs until <see cref="Stop"/> and one more entry arrives (the caller makes one).</summary>
    /// <param name="onEntry">Called from one loop, never for two entries at once.</param>
    public async Task RunAsync(Action<T> onEntry)
    {
        var read = 0;
        while (true)
        {
            var (entries, next) = log.ReadFrom(read);
            foreach (var entry in entries) onEntry(entry);
            read += entries.Length;
            if (_stopping && entries.Length > 0) return;
            if (entries.Length == 0) await next;
        }
    }

    public void Stop() => _stopping = true;
}
