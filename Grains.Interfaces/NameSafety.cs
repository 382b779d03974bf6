namespace OrleansAssistant.Grains.Interfaces;

/// <summary>
/// The one check for names people give things: no text-direction controls and no zero-width characters.
/// Such characters are invisible, yet U+202E reverses a name in member lists, logs and CSV exports and a
/// zero-width space makes two names look alike.
/// </summary>
public static class NameSafety
{
    /// <summary>True when <paramref name="name"/> holds no bidi control and no zero-width character.</summary>
    public static bool IsSafe(string name) => !name.Any(IsHidden);

    /// <summary>
    /// <paramref name="name"/> with every hidden character removed: for names we cannot refuse because Telegram sets them
    /// (people's first and last names), so they cannot reverse or disguise text wherever they are shown.
    /// </summary>
    public static string WithoutHidden(string name) => IsSafe(name) ? name : new string([.. name.Where(c => !IsHidden(c))]);

    /// <summary>The sentence for a refused name; <paramref name="field"/> names what was typed, e.g. "organization name".</summary>
    public static string Refusal(string field) =>
        $"The {field} contains invisible or text-direction characters (such as U+202E or a zero-width space). Please type it without them.";

    private static bool IsHidden(char c) => c is
        >= '\u202A' and <= '\u202E' // embeddings and overrides
        or >= '\u2066' and <= '\u2069' // isolates
        or '\u200E' or '\u200F' or '\u061C' // direction marks
        or >= '\u200B' and <= '\u200D' // zero-width space, non-joiner, joiner
        or '\u2060' or '\uFEFF'; // word joiner, zero-width no-break space
}
