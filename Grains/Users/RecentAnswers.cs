using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Users;

/// <summary>
/// The request ids this user's questions were answered under in the last hour, kept by the activation: loaded from the ledger
/// once, on the first ask with a request id, then added to as answers are recorded. A new request id is then known to be new
/// without a read per ask. The latest answers are kept whole except for their rows and chart; older ones only by id.
/// </summary>
internal sealed class RecentAnswers(TimeProvider timeProvider)
{
    /// <summary>A gateway repeats an ask within about a minute (its retries end after 30 s); an hour leaves a wide margin.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Answers kept in memory; a repeat of an older one is read from the ledger.</summary>
    public const int MaxKeptAnswers = 50;

    private readonly Dictionary<string, Recorded> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private int _keptAnswers;

    /// <summary>Ids the ledger had recorded when the activation loaded them; their answers stay in the ledger.</summary>
    public void AddRecorded(IEnumerable<(string ConversationId, DateTimeOffset At)> recorded)
    {
        foreach (var (conversationId, at) in recorded.OrderBy(row => row.At)) Remember(conversationId, null, at);
    }

    /// <summary>An answer this activation has just recorded in the ledger.</summary>
    public void Add(string conversationId, QuestionAnswer answer) =>
        Remember(conversationId, answer with { Rows = null, Chart = null }, timeProvider.GetUtcNow());

    /// <returns>Null when the id was not answered in the last hour; otherwise whether the answer is here or in the ledger.</returns>
    public Lookup? Find(string conversationId)
    {
        Forget();
        return _byId.TryGetValue(conversationId, out var recorded) ? new Lookup(recorded.Answer) : null;
    }

    private void Remember(string conversationId, QuestionAnswer? answer, DateTimeOffset at)
    {
        if (_byId.ContainsKey(conversationId)) return;
        _byId[conversationId] = new Recorded(answer, at);
        _order.Enqueue(conversationId);
        if (answer is not null) _keptAnswers++;
        Forget();
    }

    /// <summary>Drops ids older than the lifetime, and the answers (not the ids) beyond the newest <see cref="MaxKeptAnswers"/>.</summary>
    private void Forget()
    {
        var oldest = timeProvider.GetUtcNow() - Lifetime;
        while (_order.TryPeek(out var first) && _byId[first].At < oldest)
        {
            if (_byId[first].Answer is not null) _keptAnswers--;
            _byId.Remove(_order.Dequeue());
        }
        if (_keptAnswers <= MaxKeptAnswers) return;
        foreach (var conversationId in _order)
        {
            if (_byId[conversationId] is not { Answer: not null } kept) continue;
            _byId[conversationId] = kept with { Answer = null };
            if (--_keptAnswers <= MaxKeptAnswers) return;
        }
    }

    private sealed record Recorded(QuestionAnswer? Answer, DateTimeOffset At);

    /// <param name="Answer">The answer as recorded; null when only the ledger holds it.</param>
    public sealed record Lookup(QuestionAnswer? Answer);
}
