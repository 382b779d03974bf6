using System.Text;

namespace OrleansAssistant.CustomerDatabases.Schema;

/// <summary>
/// Cleans a table or column comment read from a customer's database before it is kept and shown to the model:
/// the text is the customer's data, so it is flattened to one line and shortened, whatever it holds.
/// </summary>
internal static class SchemaComment
{
    /// <summary>Longest comment kept, ellipsis included: a long description must not crowd the schema out of the prompt.</summary>
    public const int MaxLength = 200;

    private const char Ellipsis = '…';

    /// <summary>
    /// Runs of whitespace and control characters become one space; blank text becomes null; text longer than
    /// <see cref="MaxLength"/> is cut at a word boundary and ends with "…". Cleaning a cleaned comment changes nothing.
    /// </summary>
    public static string? Clean(string? raw)
    {
        if (raw is null) return null;

        var text = new StringBuilder(Math.Min(raw.Length, MaxLength + 1));
        var pendingSpace = false;
        foreach (var character in raw)
        {
            if (char.IsWhiteSpace(character) || char.IsControl(character))
            {
                pendingSpace = text.Length > 0;
                continue;
            }
            if (pendingSpace) text.Append(' ');
            pendingSpace = false;
            text.Append(character);
            // One character past the limit is enough to know the text must be cut.
            if (text.Length > MaxLength) break;
        }

        if (text.Length == 0) return null;
        return text.Length <= MaxLength ? text.ToString() : Shorten(text.ToString());
    }

    private static string Shorten(string text)
    {
        var kept = text[..(MaxLength - 1)];
        // Cut at the last space unless that would throw away most of the text (one very long word).
        var lastSpace = kept.LastIndexOf(' ');
        if (lastSpace > MaxLength / 2) kept = kept[..lastSpace];
        // Never leave half of a surrogate pair before the ellipsis.
        if (char.IsHighSurrogate(kept[^1])) kept = kept[..^1];
        return kept.TrimEnd() + Ellipsis;
    }
}
