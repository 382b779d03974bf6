using System.Text.Json.Nodes;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>
/// Updates waiting for the bot, with getUpdates semantics: an update stays until a later call passes
/// an offset above its id; a call with nothing to return waits up to its timeout for a new one.
/// </summary>
internal sealed class UpdateQueue
{
    private readonly object _gate = new();
    private readonly List<(long Id, JsonObject Update)> _pending = [];
    private long _lastUpdateId = 700_000; // real update ids are large; none of our code may assume they start at 1
    private TaskCompletionSource _arrived = NewSignal();

    /// <returns>The new update's id.</returns>
    public long Enqueue(Func<long, JsonObject> buildUpdate)
    {
        TaskCompletionSource arrived;
        long id;
        lock (_gate)
        {
            id = ++_lastUpdateId;
            var update = buildUpdate(id);
            update["update_id"] = id;
            _pending.Add((id, update));
            arrived = _arrived;
            _arrived = NewSignal();
        }
        arrived.SetResult();
        return id;
    }

    public async Task<JsonArray> TakeAsync(long? offset, int limit, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                Confirm(offset);
                if (_pending.Count > 0)
                {
                    return [.. _pending.Take(limit).Select(pending => pending.Update.DeepClone())];
                }
                arrived = _arrived.Task;
            }
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) return [];
            try
            {
                await arrived.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
                return [];
            }
        }
    }

    private void Confirm(long? offset)
    {
        switch (offset)
        {
            case > 0:
                _pending.RemoveAll(pending => pending.Id < offset);
                break;
            case < 0:
                // A negative offset keeps only the last -offset updates; everything before is forgotten.
                var keep = (int)Math.Min(-offset.Value, _pending.Count);
                _pending.RemoveRange(0, _pending.Count - keep);
                break;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
