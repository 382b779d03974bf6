namespace OrleansAssistant.Gateway.Bot.Formatting;

/// <summary>Cuts HTML into <see cref="HtmlAtom"/>s; text that merely looks like markup stays one character per atom.</summary>
internal static class HtmlAtoms
{
    // Longest named or numeric entity worth recognising ("&thetasym;" is 10).
    private const int LongestEntity = 12;

    public static List<HtmlAtom> Read(string html)
    {
        var atoms = new List<HtmlAtom>(html.Length);
        var index = 0;
        while (index < html.Length)
        {
            var atom = html[index] switch
            {
                '<' => Tag(html, index),
                '&' => Entity(html, index),
                _ when char.IsSurrogatePair(html, index) => new HtmlAtom(index, 2, HtmlAtomKind.Text),
                _ => null,
            } ?? new HtmlAtom(index, 1, HtmlAtomKind.Text);
            atoms.Add(atom);
            index = atom.End;
        }
        return atoms;
    }

    private static HtmlAtom? Tag(string html, int start)
    {
        var close = html.IndexOf('>', start + 1);
        if (close < 0) return null;
        var inner = html.AsSpan(start + 1, close - start - 1);
        if (inner.IsEmpty || inner.Contains('<')) return null;
        var length = close - start + 1;
        if (inner[0] == '/') return new HtmlAtom(start, length, HtmlAtomKind.ClosingTag, Name(inner[1..]));
        if (inner[^1] == '/') return new HtmlAtom(start, length, HtmlAtomKind.EmptyTag, Name(inner));
        return new HtmlAtom(start, length, HtmlAtomKind.OpeningTag, Name(inner));
    }

    private static string Name(ReadOnlySpan<char> inner)
    {
        inner = inner.TrimStart();
        var end = inner.IndexOfAny(" \t\r\n/");
        return (end < 0 ? inner : inner[..end]).ToString().ToLowerInvariant();
    }

    private static HtmlAtom? Entity(string html, int start)
    {
        var limit = Math.Min(html.Length, start + LongestEntity);
        for (var index = start + 1; index < limit; index++)
        {
            var character = html[index];
            if (character == ';') return index > start + 1 ? new HtmlAtom(start, index - start + 1, HtmlAtomKind.Text) : null;
            if (!char.IsAsciiLetterOrDigit(character) && character != '#') return null;
        }
        return null;
    }
}
