using System.Text.RegularExpressions;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>Turns questions and identifiers into comparable word stems: "OrderLines", "order_lines" and "order lines" agree.</summary>
internal static partial class NameWords
{
    // Words that appear in most questions and say nothing about which table is meant.
    private static readonly HashSet<string> StopWords = new(
    [
        "a", "all", "an", "and", "are", "as", "at", "by", "did", "do", "does", "each", "for", "from", "give", "how",
        "in", "is", "it", "last", "list", "many", "me", "much", "my", "of", "on", "or", "our", "per", "show", "than",
        "that", "the", "this", "to", "top", "was", "we", "were", "what", "when", "which", "who", "with",
    ], StringComparer.Ordinal);

    /// <summary>
    /// The question's words, and each pair of neighbouring words joined, since names often close up what people write
    /// apart ("high schoolers" is the table <c>Highschooler</c>, "zip code" the column <c>zipcode</c>).
    /// </summary>
    public static HashSet<string> FromQuestion(string question)
    {
        var words = Words().Matches(question.ToLowerInvariant()).Select(match => match.Value).ToArray();
        var stems = FromText(words).ToHashSet(StringComparer.Ordinal);
        for (var i = 1; i < words.Length; i++)
        {
            if (!StopWords.Contains(words[i - 1]) && !StopWords.Contains(words[i])) stems.Add(Stem(words[i - 1] + words[i]));
        }
        return stems;
    }

    /// <summary>The words of a stored value ("In Progress" → progress), as a question's words are stemmed.</summary>
    public static string[] FromValue(string value) =>
        [.. FromText(Words().Matches(value.ToLowerInvariant()).Select(match => match.Value)).Distinct(StringComparer.Ordinal)];

    private static IEnumerable<string> FromText(IEnumerable<string> lowerCaseWords) =>
        lowerCaseWords.Where(word => word.Length > 1 && !StopWords.Contains(word)).Select(Stem);

    public static IEnumerable<string> FromName(string name) =>
        NameParts().Matches(name).Select(match => Stem(match.Value.ToLowerInvariant()));

    /// <summary>Strips a plural ending: customers → customer, addresses → address, categories → category.</summary>
    public static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.Length > 4 && (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("zes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("shes", StringComparison.Ordinal)))
            return word[..^2];
        // "status", "address" and "analysis" are not plurals.
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
            && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
            return word[..^1];
        return word;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    // An upper-case run before a capitalised word (HTTPServer → HTTP, Server), a capitalised or lower-case word, or digits.
    [GeneratedRegex(@"\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+|\p{L}+")]
    private static partial Regex NameParts();
}
