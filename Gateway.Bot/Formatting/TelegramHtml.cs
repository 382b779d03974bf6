using System.Text;

namespace OrleansAssistant.Gateway.Bot.Formatting;

/// <summary>Escaping for Telegram's HTML parse mode, where only <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> and <c>&quot;</c> are recognised.</summary>
public static class TelegramHtml
{
    /// <summary>Makes user, model or database text literal in element content.</summary>
    public static string Escape(string text) => Escape(text, escapeQuotes: false);

    /// <summary>Makes text literal inside a double-quoted attribute value, e.g. a link's href.</summary>
    public static string EscapeAttribute(string text) => Escape(text, escapeQuotes: true);

    private static string Escape(string text, bool escapeQuotes)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>\"") < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var character in text)
        {
            switch (character)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"' when escapeQuotes: builder.Append("&quot;"); break;
                default: builder.Append(character); break;
            }
        }
        return builder.ToString();
    }
}
