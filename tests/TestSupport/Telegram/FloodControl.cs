using System.Diagnostics;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>
/// Telegram's flood control, played strictly: message methods (send, edit, delete) may burst 5 then go
/// 1 a second per private chat, 20 a minute per group and 30 a second per bot; chat actions burst 3 then
/// 1 a second per chat. A call beyond that is answered 429 with <c>retry_after</c>, as Telegram does.
/// Tests can also refuse one chosen call with a 429 of their own.
/// </summary>
internal sealed class FloodControl
{
    private static readonly HashSet<string> MessageMethods = ["sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage"];

    // Requests cross the network between the sender's pace and this check, so arrival spacing jitters a little.
    private const double Slack = 0.25;

    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<(string Kind, long ChatId), Bucket> _buckets = [];
    private readonly Bucket _overall = new(30, 30);
    private readonly List<(string Method, long ChatId, int RetryAfter, TaskCompletionSource Served)> _scripted = [];

    public bool Enforced { get; set; }

    /// <summary>Calls answered 429 by the limits (not the scripted ones).</summary>
    public int Refusals { get; private set; }

    /// <summary>The next <paramref name="method"/> call to <paramref name="chatId"/> gets 429 with <paramref name="retryAfterSeconds"/>.</summary>
    /// <returns>Completes once that call has been refused.</returns>
    public Task RefuseNext(string method, long chatId, int retryAfterSeconds)
    {
        var served = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _scripted.Add((method, chatId, retryAfterSeconds, served));
        return served.Task;
    }

    /// <returns>Seconds to wait when the call is refused; null when it may go.</returns>
    public int? Check(string method, long? chatId)
    {
        lock (_gate)
        {
            var scripted = _scripted.FindIndex(refusal => refusal.Method == method && refusal.ChatId == chatId);
            if (scripted >= 0)
            {
                var (_, _, retryAfter, served) = _scripted[scripted];
                _scripted.RemoveAt(scripted);
                served.SetResult();
                return retryAfter;
            }
            if (!Enforced || chatId is not { } chat) return null;
            var now = _clock.Elapsed.TotalSeconds;
            if (method == "sendChatAction") return Take(Of("action", chat, () => new Bucket(3, 1)), now);
            if (!MessageMethods.Contains(method)) return null;
            var perChat = Of("message", chat, () => chat < 0 ? new Bucket(20, 20.0 / 60) : new Bucket(5, 1));
            if (Take(perChat, now) is { } wait)
            {
                Refusals++;
                return wait;
            }
            if (Take(_overall, now) is { } overall)
            {
                Refusals++;
                perChat.Tokens += 1; // not sent after all
                return overall;
            }
            return null;
        }
    }

    private Bucket Of(string kind, long chatId, Func<Bucket> create)
    {
        if (!_buckets.TryGetValue((kind, chatId), out var bucket)) _buckets[(kind, chatId)] = bucket = create();
        return bucket;
    }

    private static int? Take(Bucket bucket, double now)
    {
        bucket.Refill(now);
        if (bucket.Tokens >= 1 - Slack)
        {
            bucket.Tokens -= 1;
            return null;
        }
        return (int)Math.Ceiling((1 - bucket.Tokens) / bucket.PerSecond);
    }

    private sealed class Bucket(int limit, double perSecond)
    {
        private double? _at;

        public double Tokens { get; set; } = limit;
        public double PerSecond => perSecond;

        public void Refill(double now)
        {
            if (_at is { } at) Tokens = Math.Min(limit, Tokens + (now - at) * perSecond);
            _at = now;
        }
    }
}
