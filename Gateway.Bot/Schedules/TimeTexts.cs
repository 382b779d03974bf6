using System.Globalization;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>A time of day typed as HH:MM.</summary>
internal static class TimeTexts
{
    public const string NotATime = "That is not a time of day. Send it as HH:MM on a 24-hour clock, like <code>07:30</code> or <code>18:45</code>.";

    public static bool TryRead(string text, out TimeSpan time)
    {
        time = default;
        var trimmed = text.Trim();
        if (!TimeOnly.TryParseExact(trimmed, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var read)) return false;
        time = read.ToTimeSpan();
        return true;
    }
}
