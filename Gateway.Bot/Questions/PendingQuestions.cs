namespace OrleansAssistant.Gateway.Bot.Questions;

/// <summary>
/// The questions of each person this gateway is waiting on, and when the last one came. While a person
/// has several questions open, or asks in quick succession, each answer quotes its question, so they can
/// tell which answer belongs to which.
/// </summary>
internal sealed class PendingQuestions(TimeProvider time)
{
    /// <summary>Questions closer together than this form a series.</summary>
    public static readonly TimeSpan SeriesGap = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, (int Open, long LastAskedAt)> _people = [];

    /// <returns>Whether another question of this person was open or came less than <see cref="SeriesGap"/> before.</returns>
    public bool Add(long userId)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            var (open, lastAskedAt) = _people.GetValueOrDefault(userId);
            _people[userId] = (open + 1, now);
            return open > 0 || (lastAskedAt != 0 && time.GetElapsedTime(lastAskedAt, now) < SeriesGap);
        }
    }

    public void Remove(long userId)
    {
        lock (_gate)
        {
            if (!_people.TryGetValue(userId, out var person)) return;
            // Forgotten once nothing is open and the series is over; a later question starts afresh.
            if (person.Open <= 1 && time.GetElapsedTime(person.LastAskedAt) >= SeriesGap) _people.Remove(userId);
            else _people[userId] = (Math.Max(person.Open - 1, 0), person.LastAskedAt);
        }
    }

    public int Of(long userId)
    {
        lock (_gate) return _people.GetValueOrDefault(userId).Open;
    }
}
