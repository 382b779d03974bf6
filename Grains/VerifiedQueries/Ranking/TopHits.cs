namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>
/// The best <c>capacity</c> candidates seen, kept in a min-heap so each offer costs O(log k) and nothing is allocated
/// per candidate. Order: exact repeats first, then by score, then the newer (higher id) example.
/// </summary>
internal sealed class TopHits(int capacity)
{
    private readonly Hit[] _heap = new Hit[Math.Max(capacity, 1)];

    public int Count { get; private set; }

    public void Offer(int slot, long exampleId, double score, bool isRepeat)
    {
        var hit = new Hit(slot, exampleId, score, isRepeat);
        if (Count < capacity)
        {
            _heap[Count] = hit;
            SiftUp(Count++);
        }
        else if (capacity > 0 && IsBetter(hit, _heap[0]))
        {
            _heap[0] = hit;
            SiftDown(0);
        }
    }

    /// <summary>The kept hits, best first; empties the heap.</summary>
    public Hit[] TakeBestFirst()
    {
        var result = new Hit[Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = _heap[0];
            _heap[0] = _heap[--Count];
            SiftDown(0);
        }
        return result;
    }

    private static bool IsBetter(in Hit a, in Hit b) =>
        a.IsRepeat != b.IsRepeat ? a.IsRepeat : a.Score != b.Score ? a.Score > b.Score : a.ExampleId > b.ExampleId;

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!IsBetter(_heap[parent], _heap[i])) break;
            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            var left = 2 * i + 1;
            if (left < Count && IsBetter(_heap[worst], _heap[left])) worst = left;
            if (left + 1 < Count && IsBetter(_heap[worst], _heap[left + 1])) worst = left + 1;
            if (worst == i) return;
            (_heap[worst], _heap[i]) = (_heap[i], _heap[worst]);
            i = worst;
        }
    }

    internal readonly record struct Hit(int Slot, long ExampleId, double Score, bool IsRepeat);
}
