namespace OrleansAssistant.Grains.VerifiedQueries;

/// <summary>
/// An embedding stored as text: base64 of its little-endian float32 values. Text rather than a binary column so the
/// same column type works in every app dialect; 1,536 dimensions take about 8 KB.
/// </summary>
internal static class EmbeddingText
{
    public static string? Encode(float[]? vector)
    {
        if (vector is null) return null;
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(float)), vector[i]);
        return Convert.ToBase64String(bytes);
    }

    /// <returns>Null for no value or a value that is not a whole number of floats (never trusted blindly).</returns>
    public static float[]? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
        if (bytes.Length % sizeof(float) != 0) return null;
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++) vector[i] = BitConverter.ToSingle(bytes, i * sizeof(float));
        return vector;
    }
}
