namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>In-memory index of one database's verified questions, ranked by shared words. Not thread-safe: one activation owns it.</summary>
public sealed class ExampleIndex
{
    private readonly Dictionary<long, HashSet<string>> _words = [];

    public int Count => _words.Count;

    public void Upsert(long exampleId, string question, float[]? vector = null) =>
        _words[exampleId] = [.. QuestionText.Words(question)];

    public bool Remove(long exampleId) => _words.Remove(exampleId);

    /// <summary>Best first (Dice similarity of the word sets), ties newest first.</summary>
    public IReadOnlyList<RankedExample> Search(string question, float[]? questionVector, int count)
    {
        HashSet<string> asked = [.. QuestionText.Words(question)];
        return _words
            .Select(entry => (entry.Key, Similarity: Dice(asked, entry.Value)))
            .Where(hit => hit.Similarity > 0)
            .OrderByDescending(hit => hit.Similarity).ThenByDescending(hit => hit.Key)
            .Take(count)
            .Select(hit => new RankedExample(hit.Key, hit.Similarity, hit.Similarity))
            .ToList();
    }

    private static double Dice(HashSet<string> left, HashSet<string> right) =>
        left.Count + right.Count == 0 ? 0 : 2.0 * left.Count(right.Contains) / (left.Count + right.Count);
}
