using OrleansAssistant.TestSupport.Telegram;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// Hands each new entry of a fake server's log to a callback, once, as it is recorded. The log only offers
/// "wait for a match", which rescans from the start on every change; the predicate here recognizes the
/// first entry to restart its count and never matches, so no entry list is copied per change.
/// </summary>
internal sealed class LogTail<T>(RecordedLog<T> log)
    where T : class
{
    private volatile bool _stopping;

    /// <summary>Runs until <see cref="Stop"/> and one more entry arrives (the caller makes one).</summary>
    /// <param name="onEntry">Runs under the log's lock: keep it short.</param>
    public async Task RunAsync(Action<T> onEntry)
    {
        T? first = null;
        var index = 0;
        var seen = 0;
        await log.WaitForAsync(entry =>
        {
            if (_stopping) return true;
            first ??= entry;
            if (ReferenceEquals(entry, first)) index = 0;
            if (index++ < seen) return false;
            seen++;
            onEntry(entry);
            return false;
        }, TimeSpan.FromDays(1), "load benchmark reader");
    }

    public void Stop() => _stopping = true;
}
