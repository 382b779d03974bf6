using System.Globalization;
using System.Text;

namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

public static class QuestionText
{
    /// <summary>
    /// The exact-repeat key: lower case (invariant), Unicode compatibility forms folded, punctuation dropped, whitespace
    /// collapsed, numbers and dates kept. "Total sales in 2024?" and "total  sales in 2024" share a key; "… in 2023" does not.
    /// Punctuation between two digits is part of the number (12.5, 2024-03-01) and stays; elsewhere it separates words
    /// like a space, except an apostrophe, which joins (customer's = customers). Symbols such as &lt; &gt; $ % stay: they
    /// change what is asked. The key is in decomposed form (see <see cref="CharacterFolding"/>): compare it only with other keys.
    /// </summary>
    public static string RepeatKey(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = CharacterFolding.Decompose(question);
        var key = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format) continue; // zero-width and control characters
            if (c == ' ')
            {
                pendingSpace = key.Length > 0;
            }
            else if (char.IsPunctuation(c))
            {
                var insideNumber = !pendingSpace && key.Length > 0 && char.IsDigit(key[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]);
                if (insideNumber) key.Append(c);
                else if (c is not ('\'' or '\u2019')) pendingSpace = key.Length > 0;
            }
            else
            {
                if (pendingSpace) key.Append(' ');
                pendingSpace = false;
                key.Append(char.ToLowerInvariant(c));
            }
        }
        return key.ToString();
    }
}
