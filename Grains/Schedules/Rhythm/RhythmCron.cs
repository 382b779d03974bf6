using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Grains.Schedules.Rhythm;

/// <summary>Every rhythm as five-field cron text, so one calculator (Cronos) answers for all kinds alike.</summary>
public static class RhythmCron
{
    /// <summary>The cron text of a rhythm whose time of day and day were checked; a cron rhythm's own text as given.</summary>
    public static string TextOf(ScheduleRhythm rhythm)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"{rhythm.TimeOfDay.Minutes} {rhythm.TimeOfDay.Hours}");
        return rhythm.Kind switch
        {
            RhythmKind.Daily => $"{at} * * *",
            RhythmKind.Weekdays => $"{at} * * 1-5",
            // DayOfWeek counts from Sunday = 0, as cron does.
            RhythmKind.Weekly => string.Create(CultureInfo.InvariantCulture, $"{at} * * {(int)rhythm.Day!.Value}"),
            RhythmKind.MonthlyFirst => $"{at} 1 * *",
            RhythmKind.Cron => rhythm.CronText?.Trim() ?? "",
            _ => throw new ArgumentOutOfRangeException(nameof(rhythm), rhythm.Kind, "The rhythm kind has no cron form."),
        };
    }
}
