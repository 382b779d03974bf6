using System.Text;

namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>
/// Splits a question into normalised words: compatibility-decomposed, accents dropped, lower case, split on
/// anything but letters and digits and inside camelCase / snake_case names, English plurals folded, and numbers
/// and dates recognised (2024, 12.5, 1,000, 2024-03-01, 03/01/2024, March 2024) so they can be masked.
/// </summary>
internal static class QuestionWords
{
    public static List<QuestionWord> Read(string question)
    {
        var text = CharacterFolding.Decompose(question);
        var words = new List<QuestionWord>();
        var buffer = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c)) i = ReadNumber(text, i, words);
            else if (char.IsLetter(c)) i = ReadLetters(text, i, words, buffer);
            else i++;
        }
        return words;
    }

    /// <summary>A run of letters (with marks and inner apostrophes), cut where camelCase turns to a new word.</summary>
    private static int ReadLetters(string text, int i, List<QuestionWord> words, StringBuilder buffer)
    {
        buffer.Clear();
        var previous = '\0';
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (CharacterFolding.IsCombiningMark(c)) continue;
            if (c is '\'' or '\u2019' && buffer.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])) continue; // customer's, don't
            if (!char.IsLetter(c)) break;
            if (buffer.Length > 0 && char.IsUpper(c) && (char.IsLower(previous) || (char.IsUpper(previous) && NextIsLower(text, i))))
            {
                AddWord(buffer.ToString(), words); // orderTotal → order | total, XMLFile → xml | file
                buffer.Clear();
            }
            CharacterFolding.AppendPlainLetters(char.ToLowerInvariant(c), buffer);
            previous = c;
        }
        AddWord(buffer.ToString(), words);
        return i;
    }

    private static bool NextIsLower(string text, int i) => i + 1 < text.Length && char.IsLower(text[i + 1]);

    private static void AddWord(string lower, List<QuestionWord> words)
    {
        if (lower.Length == 0) return;
        // "March 2024" is one date; a month name on its own stays a word.
        if (words.Count > 0 && words[^1] is { IsDate: true } last && NumberReader.IsYear(last.Word) && EnglishWords.MonthNumber(lower) is > 0 and var after)
        {
            words[^1] = Date($"{last.Word}-{after:00}");
            return;
        }
        if (EnglishWords.IsStopWord(lower))
        {
            words.Add(new QuestionWord(lower, lower, IsStopWord: true));
            return;
        }
        var singular = EnglishWords.Singular(lower);
        words.Add(new QuestionWord(singular, singular, IsStopWord: false));
    }

    private static int ReadNumber(string text, int i, List<QuestionWord> words)
    {
        var number = NumberReader.Read(text, i);
        var end = i + number.Length;
        if (number.IsDate && NumberReader.IsYear(number.Canonical) && words.Count > 0 && !words[^1].IsStopWord
            && EnglishWords.MonthNumber(words[^1].Word) is > 0 and var month)
        {
            words[^1] = Date($"{number.Canonical}-{month:00}"); // March 2024
        }
        else
        {
            words.Add(number.IsDate ? Date(number.Canonical) : new QuestionWord(number.Canonical, QuestionWord.NumberTerm, IsStopWord: false));
        }
        return end;
    }

    private static QuestionWord Date(string canonical) => new(canonical, QuestionWord.DateTerm, IsStopWord: false);
}
