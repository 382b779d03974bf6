using System.Collections.Frozen;
using System.Text;

namespace OrleansAssistant.Grains.VerifiedQueries.Ranking;

/// <summary>
/// The compatibility decomposition (NFKD) of the characters people type in questions. The runtime runs in invariant
/// globalization mode, where <see cref="string.Normalize()"/> leaves non-ASCII text unchanged, so this folds what
/// matters here itself: full-width forms, ligatures, odd spaces, and accented Latin and Cyrillic letters split into
/// base letter + combining mark. Two texts NFKC calls equal decompose equally, which is all a comparison key needs.
/// </summary>
internal static class CharacterFolding
{
    // Each column: a precomposed letter, its base letter, and its mark as a letter of Marks (a = U+0300 …).
    private const string Composed =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻ" +
        "ļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžЀЁЃЇЌЍЎЙйѐёѓїќѝўӁӂӐӑӒӓӖӗӚӛӜӝӞӟӢӣӤӥӦӧӪӫӬӭӮӯӰӱӲӳӴӵӸӹ";

    private const string Bases =
        "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlL" +
        "lLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzЕЕГІКИУИиеегікиуЖжАаАаЕеӘәЖжЗзИиИиОоӨөЭэУуУуУуЧчЫы";

    private const string MarkCodes =
        "abcdhimabchabchdabcdhabchbabcdhimabchabchdabcdhabchbheeffnnbbccggkkkkeeffggnnkkccffggmmccddeeffnngccmmbbm" +
        "mkkbbmmkkeeffjjbbmmkkbbccmmkkmmkkddeeffiijjnncccchbbggkkahbhbafffahbhbafffffhhffhhhhhheehhhhhhhheehhjjhhhh";

    // grave, acute, circumflex, tilde, macron, breve, dot above, diaeresis, ring, double acute, caron, comma below, cedilla, ogonek
    private const string Marks = "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030A\u030B\u030C\u0326\u0327\u0328";

    private static readonly FrozenDictionary<char, string> Decompositions = BuildDecompositions();

    /// <summary>The text with every character replaced by its compatibility decomposition, and every space by U+0020.</summary>
    public static string Decompose(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text) AppendDecomposed(c, builder);
        return builder.ToString();
    }

    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    /// <summary>Letters with no decomposition that readers still take for a plain Latin letter or two (ß = ss, ø = o …); c is lower case.</summary>
    public static void AppendPlainLetters(char c, StringBuilder builder)
    {
        switch (c)
        {
            case 'ß': builder.Append("ss"); break;
            case 'æ': builder.Append("ae"); break;
            case 'œ': builder.Append("oe"); break;
            case 'þ': builder.Append("th"); break;
            case 'ø': builder.Append('o'); break;
            case 'ł': builder.Append('l'); break;
            case 'đ' or 'ð': builder.Append('d'); break;
            case 'ı': builder.Append('i'); break;
            default: builder.Append(c); break;
        }
    }

    private static void AppendDecomposed(char c, StringBuilder builder)
    {
        if (c is >= '\uFF01' and <= '\uFF5E') builder.Append((char)(c - 0xFEE0)); // full-width ASCII
        else if (char.IsWhiteSpace(c)) builder.Append(' ');
        else if (Decompositions.TryGetValue(c, out var parts)) builder.Append(parts);
        else builder.Append(c);
    }

    private static FrozenDictionary<char, string> BuildDecompositions()
    {
        var table = new Dictionary<char, string>
        {
            ['\uFB00'] = "ff", ['\uFB01'] = "fi", ['\uFB02'] = "fl", ['\uFB03'] = "ffi", ['\uFB04'] = "ffl", ['\uFB05'] = "st", ['\uFB06'] = "st",
            ['Ĳ'] = "IJ", ['ĳ'] = "ij", ['ſ'] = "s", ['²'] = "2", ['³'] = "3", ['¹'] = "1",
        };
        for (var i = 0; i < Composed.Length; i++) table[Composed[i]] = string.Concat(Bases[i], Marks[MarkCodes[i] - 'a']);
        return table.ToFrozenDictionary();
    }
}
