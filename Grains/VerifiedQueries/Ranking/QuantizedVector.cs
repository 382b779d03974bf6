using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>
/// An embedding scaled to length 1 and stored as one signed byte per dimension (times one scale). A cosine over 10,000
/// examples reads every vector, so the scan is bound by memory bandwidth: a quarter of the bytes of floats makes it about
/// four times faster and the library four times smaller. The error (about 0.01 in a cosine) only moves near-ties in the
/// ranking; embeddings never decide a repeat, so no answer depends on it.
/// </summary>
internal sealed class QuantizedVector
{
    private readonly sbyte[] _values;
    private readonly float _scale;

    private QuantizedVector(sbyte[] values, float scale)
    {
        _values = values;
        _scale = scale;
    }

    public int Length => _values.Length;

    /// <returns>The quantized unit vector, or null when the vector is empty, zero, or holds NaN or infinity (nothing to compare).</returns>
    public static QuantizedVector? From(float[]? vector)
    {
        if (vector is not { Length: > 0 }) return null;
        var length = TensorPrimitives.Norm<float>(vector);
        if (!float.IsFinite(length) || length <= 0) return null;
        var largest = TensorPrimitives.MaxMagnitude<float>(vector) / length;
        var step = largest / 127;
        var values = new sbyte[vector.Length];
        for (var i = 0; i < values.Length; i++) values[i] = (sbyte)Math.Round(vector[i] / length / step);
        return new QuantizedVector(values, step);
    }

    /// <summary>The cosine of the two embeddings (both have length 1); the vectors must be equally long.</summary>
    public double CosineWith(QuantizedVector other) =>
        other.Length == Length ? Dot(_values, other._values) * (double)_scale * other._scale : throw new ArgumentException("The vectors differ in length.", nameof(other));

    private static long Dot(sbyte[] a, sbyte[] b)
    {
        var i = 0;
        var sums = Vector256<int>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var left = ref MemoryMarshal.GetArrayDataReference(a);
            ref var right = ref MemoryMarshal.GetArrayDataReference(b);
            // Bytes widen to shorts (a product of two is at most 16,129: no overflow), products widen to ints to add up.
            for (; i <= a.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var (aLow, aHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref left, (nuint)i));
                var (bLow, bHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref right, (nuint)i));
                var (p1, p2) = Vector256.Widen(aLow * bLow);
                var (p3, p4) = Vector256.Widen(aHigh * bHigh);
                sums += (p1 + p2) + (p3 + p4);
            }
        }
        long total = Vector256.Sum(sums);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }
}
