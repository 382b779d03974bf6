namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>What a schedule has to tell its owner.</summary>
[GenerateSerializer, Alias("OrleansAssistant.ScheduleNoticeKind")]
public enum ScheduleNoticeKind
{
    /// <summary>A report's result: rows, and the sentence or nothing (template).</summary>
    Report,
    /// <summary>A report whose query returned no rows.</summary>
    NoRows,
    /// <summary>An alert's number crossed its rule.</summary>
    AlertCrossed,
    /// <summary>An alert's number came back within its rule.</summary>
    AlertReturned,
    /// <summary>The permission check failed; the schedule is paused (see <see cref="ScheduleNotice.PauseReason"/>).</summary>
    Paused,
    /// <summary>A run gave up (see <see cref="ScheduleNotice.Error"/>); the next run happens as planned.</summary>
    Failed,
}
