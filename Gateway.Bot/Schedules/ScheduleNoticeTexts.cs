using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>The one-line notices of schedules and alerts (HTML); a report's result is <see cref="ReportMessage"/>'s.</summary>
internal static class ScheduleNoticeTexts
{
    public const string ResumeHint = "Resume it with /schedules once that is fixed.";

    public static string For(ScheduleNotice notice)
    {
        var title = ScheduleTexts.Html(notice.Title);
        var value = ScheduleTexts.Number(notice.Value ?? 0);
        var rule = notice.Alert is { } alert ? ScheduleTexts.Rule(alert) : "";
        return notice.Kind switch
        {
            ScheduleNoticeKind.NoRows => $"⏰ {title}: no rows today.",
            ScheduleNoticeKind.AlertCrossed => $"🔔 {title}: {value} is now {Crossed(notice.Alert)}.",
            ScheduleNoticeKind.AlertReturned => $"✅ {title}: back to {value} (alert: {rule}).",
            ScheduleNoticeKind.Paused => $"⏸ Paused {title}: {PauseTexts.Why(notice.PauseReason)} {ResumeHint}",
            ScheduleNoticeKind.Failed => $"⚠️ Couldn't run {title} because {ScheduleTexts.Html(Reason(notice.Error))}. The next run is as planned.",
            _ => $"⏰ {title}",
        };
    }

    /// <summary>A report delivered to chat whose e-mail or webhook failed: the extra line under it.</summary>
    public static string DeliveryProblem(string error) => $"⚠️ Not everything arrived: {ScheduleTexts.Html(error)}";

    // "42 is now below 50"; a "changes from" alert reads "42 is now different from 40".
    private static string Crossed(AlertRule? rule) => rule switch
    {
        { Condition: AlertCondition.ChangesFrom } => $"different from {ScheduleTexts.Number(rule.Threshold)}",
        { } crossed => ScheduleTexts.Rule(crossed),
        null => "past its limit",
    };

    private static string Reason(string? error) => error switch
    {
        null or "" => "of an unknown error",
        "unavailable" => "the database could not be reached",
        _ => error.TrimEnd('.'),
    };
}
