namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>
/// How alike two questions read, 0–1, decided on their words with numbers and dates kept as written:
/// <code>
/// similarity = 1                               when the repeat keys are equal
///            = min(0.99, 2·Σw(A∩B) / (Σw(A) + Σw(B)))   otherwise
/// </code>
/// a weighted Dice coefficient over the two sets of normalised words, where a stop word weighs 0.2 and every other
/// word or number 1. Only equal keys reach 1; the same words in another order, inflection or accent reach 0.99;
/// a question differing only in its year scores well below (total sales in 2023 / 2024: 0.69). The weights are fixed,
/// not taken from the library, so a score means the same on every database and does not drift as examples are added.
/// </summary>
internal static class LexicalSimilarity
{
    public const double SameWordsDifferentText = 0.99;
    public const float StopWordWeight = 0.2f;

    public static double Of(bool sameKey, Dictionary<string, float> questionWords, float questionWeight, WeightedWord[] exampleWords, float exampleWeight)
    {
        if (sameKey) return 1.0;
        var total = questionWeight + exampleWeight;
        if (total <= 0) return 0;
        var shared = 0f;
        foreach (var word in exampleWords)
        {
            if (questionWords.ContainsKey(word.Word)) shared += word.Weight;
        }
        return Math.Min(SameWordsDifferentText, 2 * shared / total);
    }

    /// <summary>The distinct words of a question with their weights, and the weights' sum.</summary>
    public static WeightedWord[] WordsOf(List<QuestionWord> words, out float totalWeight)
    {
        var distinct = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var word in words) distinct[word.Word] = word.IsStopWord ? StopWordWeight : 1f;
        totalWeight = 0;
        var result = new WeightedWord[distinct.Count];
        var i = 0;
        foreach (var (word, weight) in distinct)
        {
            result[i++] = new WeightedWord(word, weight);
            totalWeight += weight;
        }
        return result;
    }

    internal readonly record struct WeightedWord(string Word, float Weight);
}
