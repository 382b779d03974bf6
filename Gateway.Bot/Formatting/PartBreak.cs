namespace OrleansAssistant.Gateway.Bot.Formatting;

/// <summary>Chooses where one part of a split message ends.</summary>
internal static class PartBreak
{
    // Ordered best first; a part may end after an opening tag only when nothing else fits.
    private enum Kind { Paragraph, Line, Space, Anywhere, AfterOpeningTag }

    /// <summary>The index of the first atom of the next part (exclusive end of this one), always past <paramref name="first"/>.</summary>
    public static int Find(string html, IReadOnlyList<HtmlAtom> atoms, int first, OpenElements open, int budget)
    {
        var latest = new int[Enum.GetValues<Kind>().Length];
        var lengthAt = new int[latest.Length];
        var state = open.Copy();
        var start = atoms[first].Start;
        var kind = Kind.Anywhere;
        var previous = '\0';
        for (var index = first; index < atoms.Count; index++)
        {
            var atom = atoms[index];
            var length = atom.End - start;
            if (length > budget) break;
            state.Apply(html, atom);
            kind = atom.Kind switch
            {
                HtmlAtomKind.Text => Classify(html, atom, ref previous),
                HtmlAtomKind.OpeningTag => Kind.AfterOpeningTag,
                // Cutting after a closing tag is as good as before it, and keeps the element whole.
                _ => kind,
            };
            if (length + state.ClosingLength > budget) continue;
            if (index + 1 == atoms.Count) return atoms.Count;
            latest[(int)kind] = index + 1;
            lengthAt[(int)kind] = length;
        }
        return Choose(latest, lengthAt, budget, first);
    }

    private static int Choose(int[] latest, int[] lengthAt, int budget, int first)
    {
        // A clean break early in the part would waste most of a message.
        foreach (var kind in new[] { Kind.Paragraph, Kind.Line, Kind.Space })
        {
            if (latest[(int)kind] > 0 && lengthAt[(int)kind] >= budget / 2) return latest[(int)kind];
        }
        var anywhere = new[] { Kind.Paragraph, Kind.Line, Kind.Space, Kind.Anywhere }.Max(kind => latest[(int)kind]);
        if (anywhere > 0) return anywhere;
        if (latest[(int)Kind.AfterOpeningTag] > 0) return latest[(int)Kind.AfterOpeningTag];
        return first + 1;
    }

    private static Kind Classify(string html, HtmlAtom atom, ref char previous)
    {
        var character = atom.Length == 1 ? html[atom.Start] : '\0';
        var kind = character switch
        {
            '\n' when previous == '\n' => Kind.Paragraph,
            '\n' => Kind.Line,
            _ when char.IsWhiteSpace(character) => Kind.Space,
            _ => Kind.Anywhere,
        };
        previous = character;
        return kind;
    }
}
