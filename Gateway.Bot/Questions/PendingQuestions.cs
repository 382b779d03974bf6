using System.Collections.Concurrent;

namespace OrleansAssistant.Gateway.Bot.Questions;

/// <summary>
/// How many questions of each person this gateway is waiting on. While there is more than one, each
/// answer quotes its question, so the person sees which answer belongs to which.
/// </summary>
internal sealed class PendingQuestions
{
    private readonly ConcurrentDictionary<long, int> _counts = new();

    public void Add(long userId) => _counts.AddOrUpdate(userId, 1, (_, count) => count + 1);

    public void Remove(long userId)
    {
        while (_counts.TryGetValue(userId, out var count))
        {
            if (count <= 1 ? _counts.TryRemove(new KeyValuePair<long, int>(userId, count)) : _counts.TryUpdate(userId, count - 1, count)) return;
        }
    }

    public int Of(long userId) => _counts.GetValueOrDefault(userId);
}
