using System.Numerics.Tensors;

namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>
/// The examples' embeddings in one block of memory, by slot, so the cosine scan reads memory in order instead of
/// following a reference per example. All vectors have one length, that of the latest vector stored: a vector of
/// another length comes from another model, whose vectors cannot be compared with the old ones, so those are dropped.
/// </summary>
internal sealed class VectorStore
{
    private sbyte[] _values = [];
    private float[] _scales = [];

    /// <summary>The length of the stored vectors; 0 before the first.</summary>
    public int Dimensions { get; private set; }

    public void Set(int slot, float[]? vector)
    {
        if (vector is not { Length: > 0 } || !float.IsFinite(TensorPrimitives.Norm<float>(vector)) || TensorPrimitives.Norm<float>(vector) <= 0)
        {
            Clear(slot); // nothing to compare: the example is found by its words alone
            return;
        }
        if (vector.Length != Dimensions)
        {
            Dimensions = vector.Length;
            _values = new sbyte[_scales.Length * Dimensions];
            Array.Clear(_scales);
        }
        EnsureSlots(slot + 1);
        _scales[slot] = QuantizedVector.Quantize(vector, Row(slot));
    }

    public void Clear(int slot)
    {
        if (slot < _scales.Length) _scales[slot] = 0;
    }

    public bool Has(int slot) => slot < _scales.Length && _scales[slot] > 0;

    /// <summary>The cosine of slot's vector with a question quantized by <see cref="QuantizedVector.Quantize"/>.</summary>
    public double Cosine(int slot, ReadOnlySpan<sbyte> question, float questionScale) =>
        QuantizedVector.Dot(Row(slot), question) * (double)_scales[slot] * questionScale;

    private Span<sbyte> Row(int slot) => _values.AsSpan(slot * Dimensions, Dimensions);

    private void EnsureSlots(int slots)
    {
        if (slots <= _scales.Length) return;
        var size = Math.Max(16, Math.Max(slots, _scales.Length * 2));
        Array.Resize(ref _scales, size);
        Array.Resize(ref _values, size * Dimensions);
    }
}
