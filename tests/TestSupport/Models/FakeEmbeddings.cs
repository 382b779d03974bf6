namespace OrleansAssistant.TestSupport.Models;

/// <summary>
/// The fake model server's embedding of a text: a hashed bag of words (each lower-case word adds ±1 to one of
/// <c>dimensions</c> buckets, then the vector is scaled to length 1). Deterministic, and texts sharing words lie near each other.
/// </summary>
public static class FakeEmbeddings
{
    public const int DefaultDimensions = 64;

    public static float[] VectorOf(string text, int dimensions = DefaultDimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in WordsOf(text))
        {
            var hash = Fnv1a(word);
            vector[hash % (uint)dimensions] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
        }
        var length = Math.Sqrt(vector.Sum(value => (double)value * value));
        if (length == 0)
        {
            vector[0] = 1f; // a text without words still gets a usable vector
            return vector;
        }
        for (var i = 0; i < vector.Length; i++) vector[i] = (float)(vector[i] / length);
        return vector;
    }

    /// <summary>What the fake bills for a text: one token per word, at least one.</summary>
    public static int TokensOf(string text) => Math.Max(1, WordsOf(text).Count);

    private static List<string> WordsOf(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    private static uint Fnv1a(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }
}
