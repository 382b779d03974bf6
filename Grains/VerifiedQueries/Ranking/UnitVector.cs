using System.Numerics;

namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>Embeddings scaled to length 1 once, so a cosine is a dot product.</summary>
internal static class UnitVector
{
    /// <returns>A normalised copy, or null when the vector is empty, zero, or holds NaN or infinity (nothing to compare).</returns>
    public static float[]? From(float[]? vector)
    {
        if (vector is not { Length: > 0 }) return null;
        var squares = Dot(vector, vector);
        if (!double.IsFinite(squares) || squares <= 0) return null;
        var scale = (float)(1 / Math.Sqrt(squares));
        var unit = new float[vector.Length];
        for (var i = 0; i < unit.Length; i++) unit[i] = vector[i] * scale;
        return unit;
    }

    /// <summary>The dot product of two equally long vectors, several lanes at a time.</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }
        double total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }
}
