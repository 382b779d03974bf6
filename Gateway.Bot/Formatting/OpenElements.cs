namespace OrleansAssistant.Gateway.Bot.Formatting;

/// <summary>The elements open at some point of an HTML text, outermost first, with the tags that opened them.</summary>
internal sealed class OpenElements
{
    private readonly List<(string Name, string OpeningTag)> elements = [];

    /// <summary>Characters needed to close every open element.</summary>
    public int ClosingLength { get; private set; }

    public OpenElements Copy()
    {
        var copy = new OpenElements { ClosingLength = ClosingLength };
        copy.elements.AddRange(elements);
        return copy;
    }

    public void Apply(string html, HtmlAtom atom)
    {
        if (atom.Kind == HtmlAtomKind.OpeningTag)
        {
            elements.Add((atom.TagName, html.Substring(atom.Start, atom.Length)));
            ClosingLength += ClosingTag(atom.TagName).Length;
        }
        else if (atom.Kind == HtmlAtomKind.ClosingTag)
        {
            var index = elements.FindLastIndex(element => element.Name == atom.TagName);
            if (index < 0) return;
            ClosingLength -= ClosingTag(atom.TagName).Length;
            elements.RemoveAt(index);
        }
    }

    public string OpeningTags() => string.Concat(elements.Select(element => element.OpeningTag));

    public string ClosingTags() => string.Concat(Enumerable.Reverse(elements).Select(element => ClosingTag(element.Name)));

    private static string ClosingTag(string name) => $"</{name}>";
}
