using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>
/// Updates waiting for the bot, with getUpdates semantics: an update stays until a later call passes
/// an offset above its id; a call with nothing to return waits up to its timeout for a new one.
/// </summary>
/// <param name="deliveries">Where the first hand-out of each update is recorded.</param>
internal sealed class UpdateQueue(RecordedLog<DeliveredUpdate> deliveries)
{
    private readonly object _gate = new();
    private readonly List<(long Id, JsonObject Update, bool Delivered)> _pending = [];
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
            _pending.Add((id, update, false));
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
            JsonArray? batch = null;
            List<DeliveredUpdate> firstDeliveries = [];
            lock (_gate)
            {
                Confirm(offset);
                if (_pending.Count > 0)
                {
                    batch = HandOut(limit, firstDeliveries);
                }
                arrived = _arrived.Task;
            }
            if (batch is not null)
            {
                // Recorded outside the gate so waiting tests never hold up the bot's poll.
                foreach (var delivery in firstDeliveries) deliveries.Add(delivery);
                return batch;
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

    /// <summary>The first <paramref name="limit"/> pending updates; those never handed out before are noted in <paramref name="firstDeliveries"/>.</summary>
    private JsonArray HandOut(int limit, List<DeliveredUpdate> firstDeliveries)
    {
        var now = Stopwatch.GetTimestamp();
        var batch = new JsonArray();
        for (var i = 0; i < Math.Min(limit, _pending.Count); i++)
        {
            var pending = _pending[i];
            if (!pending.Delivered)
            {
                _pending[i] = pending with { Delivered = true };
                firstDeliveries.Add(new DeliveredUpdate(pending.Id, now));
            }
            batch.Add(pending.Update.DeepClone());
        }
        return batch;
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
