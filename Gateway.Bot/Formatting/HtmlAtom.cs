namespace OrleansAssistant.Gateway.Bot.Formatting;

/// <summary>What an <see cref="HtmlAtom"/> is: a piece of text, or a tag that opens or closes an element.</summary>
internal enum HtmlAtomKind
{
    Text,
    OpeningTag,
    ClosingTag,
    /// <summary>A self-closed tag such as <c>&lt;br/&gt;</c>: nothing stays open after it.</summary>
    EmptyTag,
}

/// <summary>
/// The smallest piece of HTML a message may be cut after: one character, a whole surrogate pair,
/// a whole entity (<c>&amp;amp;</c>) or a whole tag.
/// </summary>
internal readonly record struct HtmlAtom(int Start, int Length, HtmlAtomKind Kind, string TagName = "")
{
    public int End => Start + Length;
}
