using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Dashboard.Schedules;

/// <summary>A rhythm and an alert rule as the Schedules tab says them: "every weekday at 09:00", "above 50".</summary>
internal static class RhythmWords
{
    public static string Of(ScheduleRhythm rhythm)
    {
        var at = rhythm.TimeOfDay.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return rhythm.Kind switch
        {
            RhythmKind.Daily => $"every day at {at}",
            RhythmKind.Weekdays => $"every weekday at {at}",
            RhythmKind.Weekly => $"every {rhythm.Day?.ToString() ?? "week"} at {at}",
            RhythmKind.MonthlyFirst => $"on the 1st of every month at {at}",
            _ => $"on the cron rhythm “{rhythm.CronText}”",
        };
    }

    public static string? Of(AlertRule? rule) => rule switch
    {
        null => null,
        { Condition: AlertCondition.Above } => $"when it is above {Number(rule.Threshold)}",
        { Condition: AlertCondition.Below } => $"when it is below {Number(rule.Threshold)}",
        _ => $"when it changes from {Number(rule.Threshold)}",
    };

    /// <summary>Why a schedule does not run, or null while it runs.</summary>
    public static string? Of(PauseReason reason) => reason switch
    {
        PauseReason.None => null,
        PauseReason.ByOwner => "Paused by hand.",
        PauseReason.NotMember => "Paused: its owner is no longer a member of the organization.",
        PauseReason.DatabaseRemoved => "Paused: its database was removed.",
        PauseReason.AccessLost => "Paused: its owner may no longer use its database.",
        _ => "Paused.",
    };

    private static string Number(decimal value) => value.ToString("#,##0.############", CultureInfo.InvariantCulture);
}
