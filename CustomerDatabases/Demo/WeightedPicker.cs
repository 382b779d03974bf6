namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>Picks items at random in proportion to their weights (all weights must be positive).</summary>
internal sealed class WeightedPicker<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulativeWeights;

    public WeightedPicker(IEnumerable<T> items, Func<T, double> weight)
    {
        _items = [.. items];
        _cumulativeWeights = new double[_items.Length];
        var total = 0.0;
        for (var i = 0; i < _items.Length; i++) _cumulativeWeights[i] = total += weight(_items[i]);
    }

    public T Pick(Random random)
    {
        var target = random.NextDouble() * _cumulativeWeights[^1];
        var index = Array.BinarySearch(_cumulativeWeights, target);
        // An exact hit on a boundary belongs to the next item; a miss gives the first larger boundary.
        index = index >= 0 ? index + 1 : ~index;
        return _items[Math.Min(index, _items.Length - 1)];
    }

    /// <summary>Picks again until <paramref name="accept"/> agrees; at least one weighted item must be acceptable.</summary>
    public T Pick(Random random, Func<T, bool> accept)
    {
        while (true)
        {
            var item = Pick(random);
            if (accept(item)) return item;
        }
    }
}
