using System.Net;
using System.Text.RegularExpressions;

namespace OrleansAssistant.Gateway.Bot.Terminal;

/// <summary>Telegram HTML as a terminal shows it: tags dropped, entities decoded, link targets kept.</summary>
internal static partial class PlainText
{
    public static string FromHtml(string html)
    {
        // A link's target is all a terminal reader can use of it, e.g. an invitation link.
        var text = Link().Replace(html, match => match.Groups["text"].Value == match.Groups["href"].Value
            ? match.Groups["text"].Value
            : $"{match.Groups["text"].Value} ({match.Groups["href"].Value})");
        return WebUtility.HtmlDecode(Tag().Replace(text, ""));
    }

    [GeneratedRegex("""<a\s+href="(?<href>[^"]*)"\s*>(?<text>.*?)</a>""", RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
