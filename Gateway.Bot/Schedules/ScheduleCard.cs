using System.Text;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>One schedule or alert as /schedules shows it: title, rhythm in words, next run on its clock, status and last run.</summary>
internal static class ScheduleCard
{
    public static string For(ScheduleView schedule)
    {
        var text = new StringBuilder(schedule.Kind == ScheduleKind.Alert ? "🔔 " : "⏰ ").Append("<b>").Append(ScheduleTexts.Html(schedule.Title)).Append("</b>\n");
        if (schedule is { Kind: ScheduleKind.Alert, Alert: { } rule })
        {
            text.Append("Tells you ").Append(ScheduleTexts.Watch(rule)).Append(", checked ");
        }
        text.Append(ScheduleTexts.Html(ScheduleTexts.RhythmWithZone(schedule.Rhythm))).Append('\n');
        if (schedule.Status == ScheduleStatus.Paused)
        {
            text.Append("⏸ Paused: ").Append(PauseTexts.Why(schedule.PauseReason)).Append('\n');
        }
        else if (schedule.NextDueAt is { } next)
        {
            text.Append("Next run: ").Append(ScheduleTexts.When(next, schedule.Rhythm.TimeZone)).Append('\n');
        }
        if (schedule.LastValue is { } value) text.Append("Last value: ").Append(ScheduleTexts.Number(value)).Append('\n');
        text.Append("Last run: ").Append(schedule.LastRun is { } run ? LastRun(run, schedule.Rhythm.TimeZone) : "none yet");
        return text.ToString();
    }

    private static string LastRun(ScheduleRunView run, string timeZone)
    {
        var outcome = run.Outcome switch
        {
            RunOutcome.Running => "running",
            RunOutcome.Delivered => run.Rows is { } rows ? $"delivered, {rows} row{(rows == 1 ? "" : "s")}" : "delivered",
            RunOutcome.NoRows => "no rows",
            RunOutcome.AlertFired => "alert sent",
            RunOutcome.AlertReturned => "back within the rule",
            RunOutcome.AlertQuiet => "checked, nothing to tell",
            RunOutcome.RetryPending => "the database was down; trying again",
            RunOutcome.Failed => "failed" + (run.Error is { Length: > 0 } error ? ": " + ScheduleTexts.Html(error) : ""),
            _ => "paused",
        };
        return $"{ScheduleTexts.When(run.StartedAt, timeZone)} — {outcome}";
    }
}
