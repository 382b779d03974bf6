using System.Globalization;

namespace OrleansAssistant.Gateway.Bot.Commands;

/// <summary>"/invite [uses] [days]": whole numbers within the limits an invitation allows; defaults 5 uses, 7 days.</summary>
internal static class InvitationArguments
{
    public const int DefaultUses = 5;
    public const int DefaultDays = 7;

    /// <returns>Null when the arguments are malformed or out of range.</returns>
    public static (int Uses, int Days)? Parse(string arguments)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 2) return null;
        var uses = words.Length > 0 ? Number(words[0], 1, 1000) : DefaultUses;
        var days = words.Length > 1 ? Number(words[1], 1, 90) : DefaultDays;
        return uses is { } u && days is { } d ? (u, d) : null;
    }

    private static int? Number(string word, int min, int max) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
}
