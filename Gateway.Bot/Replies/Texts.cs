using System.Globalization;
using OrleansAssistant.Gateway.Bot.Formatting;

namespace OrleansAssistant.Gateway.Bot.Replies;

/// <summary>Small formatting helpers shared by the replies.</summary>
internal static class Texts
{
    public static string Html(string text) => TelegramHtml.Escape(text);

    public static string Code(string text) => "<code>" + TelegramHtml.Escape(text) + "</code>";

    public static string Bold(string text) => "<b>" + TelegramHtml.Escape(text) + "</b>";

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    // Five decimals, as under answers: most questions cost well under a cent.
    public static string Money(decimal amount) =>
        "$" + Math.Round(amount, 5, MidpointRounding.AwayFromZero).ToString("0.00000", CultureInfo.InvariantCulture);

    /// <summary>A budget figure: cents ("$50.12"), with up to five decimals for amounts below a cent so a tiny budget never reads "$0.00".</summary>
    public static string Dollars(decimal amount) => Math.Abs(amount) >= 0.01m || amount == 0
        ? "$" + Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture)
        : "$" + Math.Round(amount, 5, MidpointRounding.AwayFromZero).ToString("0.00###", CultureInfo.InvariantCulture);

    /// <summary>One line of at most <paramref name="length"/> characters, cut with "…".</summary>
    public static string Short(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= length ? line : line[..(length - 1)].TrimEnd() + "…";
    }
}
