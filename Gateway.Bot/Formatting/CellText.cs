using System.Globalization;
using System.Text;

namespace OrleansAssistant.Gateway.Bot.Formatting;

/// <summary>
/// Plain-text cell helpers for monospace tables. Widths count text elements, so a cut or a pad
/// never splits an emoji or a letter with its accents.
/// </summary>
internal static class CellText
{
    public const string Ellipsis = "…";

    public static int Width(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>One line of at most <paramref name="maxWidth"/> text elements; a cut ends with "…".</summary>
    public static string Fit(string text, int maxWidth)
    {
        var line = OneLine(text);
        var info = new StringInfo(line);
        if (info.LengthInTextElements <= maxWidth) return line;
        return info.SubstringByTextElements(0, maxWidth - 1) + Ellipsis;
    }

    public static string Pad(string text, int width, bool right)
    {
        var padding = new string(' ', Math.Max(0, width - Width(text)));
        return right ? padding + text : text + padding;
    }

    // A line break or tab inside a cell would tear the table's rows apart.
    private static string OneLine(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            builder.Append(char.IsControl(character) ? ' ' : character);
        }
        return builder.ToString();
    }
}
