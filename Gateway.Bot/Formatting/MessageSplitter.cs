namespace OrleansAssistant.Gateway.Bot.Formatting;

/// <summary>
/// Splits Telegram HTML into messages of at most <c>limit</c> characters. Cuts fall at a paragraph
/// break if one is in the second half of the part, else a line break, else a space, else between
/// any two characters — never inside a tag, an entity or a surrogate pair. Elements open at a cut
/// are closed at the end of the part and reopened at the start of the next, so every part is valid
/// on its own. Removing those added tags and joining the parts gives back the input.
/// </summary>
public static class MessageSplitter
{
    /// <summary>Telegram's limit for one text message.</summary>
    public const int TelegramLimit = 4096;

    // Below this, reopened tags plus a few characters might not fit in one part.
    private const int SmallestLimit = 64;

    /// <summary>The parts of <paramref name="html"/>, each at most <paramref name="limit"/> characters (the HTML length, which is never less than what Telegram counts).</summary>
    public static IReadOnlyList<string> Split(string html, int limit = TelegramLimit)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, SmallestLimit);
        if (html.Length <= limit) return [html];

        var atoms = HtmlAtoms.Read(html);
        var parts = new List<string>();
        var open = new OpenElements();
        for (var first = 0; first < atoms.Count;)
        {
            var reopening = open.OpeningTags();
            var end = PartBreak.Find(html, atoms, first, open, limit - reopening.Length);
            var after = open.Copy();
            for (var index = first; index < end; index++) after.Apply(html, atoms[index]);
            var body = html[atoms[first].Start..atoms[end - 1].End];
            parts.Add(reopening + body + after.ClosingTags());
            (open, first) = (after, end);
        }
        return parts;
    }
}
