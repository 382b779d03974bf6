using System.Collections.Frozen;

namespace OrleansAssistant.Grains.Dashboard;

/// <summary>
/// Folds lowercase accented Latin letters to ASCII ("é" → "e", "ß" → "ss"). string.Normalize cannot do
/// this here: the projects run with invariant globalization, where it returns the text unchanged.
/// </summary>
internal static class LatinLetters
{
    private static readonly FrozenDictionary<char, string> Ascii = new (string Plain, string Accented)[]
    {
        ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđð"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"),
        ("h", "ĥħ"), ("i", "ìíîïĩīĭįıİ"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŋ"),
        ("o", "òóôõöøōŏő"), ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťŧț"), ("u", "ùúûüũūŭůűų"),
        ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
        ("ae", "æ"), ("oe", "œ"), ("ss", "ß"), ("th", "þ"), ("ij", "ĳ"),
    }
    .SelectMany(group => group.Accented.Select(letter => KeyValuePair.Create(letter, group.Plain)))
    .ToFrozenDictionary();

    /// <returns>The ASCII spelling, or empty when the letter has none here (it is then dropped).</returns>
    public static string ToAscii(char lowercase) => Ascii.GetValueOrDefault(lowercase, string.Empty);
}
