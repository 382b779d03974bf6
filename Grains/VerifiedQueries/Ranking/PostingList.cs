namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>The examples (slots) one term occurs in, with how often; its length is the term's document frequency.</summary>
internal sealed class PostingList
{
    private int[] _slots = new int[4];
    private int[] _frequencies = new int[4];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, Count);

    public ReadOnlySpan<int> Frequencies => _frequencies.AsSpan(0, Count);

    public void Add(int slot, int frequency)
    {
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, Count * 2);
            Array.Resize(ref _frequencies, Count * 2);
        }
        _slots[Count] = slot;
        _frequencies[Count] = frequency;
        Count++;
    }

    /// <summary>Removes a slot by moving the last entry into its place: order carries no meaning here.</summary>
    public void Remove(int slot)
    {
        var at = Array.IndexOf(_slots, slot, 0, Count);
        if (at < 0) return;
        Count--;
        _slots[at] = _slots[Count];
        _frequencies[at] = _frequencies[Count];
    }
}
