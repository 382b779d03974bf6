using System.Collections.Frozen;

namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>The little English the ranker knows: words that carry no subject, plurals, and month names.</summary>
internal static class EnglishWords
{
    // Articles, prepositions, pronouns, auxiliaries and the polite wrapping of a request ("please show me …").
    // Words that change what is asked for (many, most, top, total, per, not, list) are deliberately absent.
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "of", "in", "on", "at", "by", "for", "from", "to", "with", "into", "about", "as",
        "and", "or", "but", "so", "if", "than", "then",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had",
        "can", "could", "would", "should", "will", "shall", "might", "must",
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how",
        "i", "me", "my", "we", "us", "our", "you", "your", "it", "its", "they", "them", "their", "he", "she", "his", "her",
        "this", "that", "these", "those", "there", "here",
        "please", "show", "tell", "give", "let", "see", "know", "want", "need", "get", "find", "display",
    ], StringComparer.Ordinal);

    // Words whose final s is not a plural ending (sales must stay sales: "sale" is a different word in a shop).
    private static readonly FrozenSet<string> KeepFinalS = FrozenSet.ToFrozenSet(
        ["sales", "news", "series", "species", "means", "always", "perhaps", "whereas", "canvas", "atlas", "bias"], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>
    {
        ["statuses"] = "status", ["people"] = "person", ["children"] = "child", ["analyses"] = "analysis", ["indices"] = "index",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static bool IsStopWord(string lowerWord) => StopWords.Contains(lowerWord);

    /// <summary>
    /// A light plural fold of a lower-case ASCII word (customers → customer, categories → category, boxes → box,
    /// addresses → address); words ending in ss, us or is and the listed exceptions stay as they are.
    /// </summary>
    public static string Singular(string word)
    {
        if (Irregular.TryGetValue(word, out var singular)) return singular;
        if (word.Length <= 3 || !IsAsciiLetters(word) || KeepFinalS.Contains(word) || !word.EndsWith('s')) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("zzes", StringComparison.Ordinal))
        {
            return word[..^2];
        }
        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)) return word;
        return word[..^1];
    }

    /// <returns>1–12 for a month's name or its three-letter abbreviation (lower case), else 0.</returns>
    public static int MonthNumber(string lowerWord)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            var month = Months[i];
            if (lowerWord == month || (lowerWord.Length == 3 && month.StartsWith(lowerWord, StringComparison.Ordinal))) return i + 1;
        }
        return 0;
    }

    private static bool IsAsciiLetters(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterLower(c)) return false;
        }
        return true;
    }
}
