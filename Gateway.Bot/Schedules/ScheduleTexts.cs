using System.Globalization;
using OrleansAssistant.Gateway.Bot.Formatting;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>How schedules read in the chat: rhythms in words, times on the person's clock, alert rules.</summary>
internal static class ScheduleTexts
{
    /// <summary>"every weekday at 09:00", "every Monday at 07:00", "on cron 0 9 * * 1-5" (plain text).</summary>
    public static string Rhythm(ScheduleRhythm rhythm) => rhythm.Kind switch
    {
        RhythmKind.Daily => $"every day at {Time(rhythm.TimeOfDay)}",
        RhythmKind.Weekdays => $"every weekday at {Time(rhythm.TimeOfDay)}",
        RhythmKind.Weekly => $"every {rhythm.Day ?? DayOfWeek.Monday} at {Time(rhythm.TimeOfDay)}",
        RhythmKind.MonthlyFirst => $"on the 1st of every month at {Time(rhythm.TimeOfDay)}",
        _ => CronInWords(rhythm.CronText ?? ""),
    };

    /// <summary>"every weekday at 09:00 (Europe/Berlin)".</summary>
    public static string RhythmWithZone(ScheduleRhythm rhythm) => $"{Rhythm(rhythm)} ({rhythm.TimeZone})";

    public static string Time(TimeSpan timeOfDay) => timeOfDay.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant on the clock of <paramref name="timeZone"/>: "Mon 8 Dec 09:00".</summary>
    public static string When(DateTimeOffset at, string timeZone)
    {
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? TimeZoneInfo.ConvertTime(at, zone) : at.ToUniversalTime();
        return local.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"below 50", "above 1,000", "changes from 42".</summary>
    public static string Rule(AlertRule rule) => rule.Condition switch
    {
        AlertCondition.Above => $"above {Number(rule.Threshold)}",
        AlertCondition.Below => $"below {Number(rule.Threshold)}",
        _ => $"changes from {Number(rule.Threshold)}",
    };

    /// <summary>"when it is below 50", "when it changes from 42".</summary>
    public static string Watch(AlertRule rule) =>
        rule.Condition == AlertCondition.ChangesFrom ? $"when it changes from {Number(rule.Threshold)}" : $"when it is {Rule(rule)}";

    public static string Number(decimal value) => value.ToString("#,0.############", CultureInfo.InvariantCulture);

    public static string Html(string text) => TelegramHtml.Escape(text);

    // The check rhythms the alert dialog offers read as words; any other cron shows itself.
    private static string CronInWords(string cron) => cron.Trim() switch
    {
        AlertChecks.Every15MinutesCron => "every 15 minutes",
        AlertChecks.HourlyCron => "every hour",
        var text => $"on cron {text}",
    };
}
