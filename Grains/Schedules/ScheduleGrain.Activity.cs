using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Schedules;

/// <summary>The activity-log event types of schedules.</summary>
public static class ScheduleEvents
{
    public const string Created = "schedule.created";
    public const string Paused = "schedule.paused";
    public const string Resumed = "schedule.resumed";
    public const string Deleted = "schedule.deleted";
}

public sealed partial class ScheduleGrain
{
    /// <param name="asker">Who did it; null when a run's permission check did (the owner's row then).</param>
    /// <param name="schedule">The schedule as it was, for a change that removed it.</param>
    private Task RecordAsync(string eventType, Principal? asker, Dictionary<string, object?>? details = null, ScheduleDefinition? schedule = null)
    {
        var subject = schedule ?? _schedule!;
        return activity.AppendAsync(new ActivityEntry(eventType, asker?.UserId ?? subject.OwnerUserId, subject.OrgId, "schedule", ScheduleId, details));
    }

    [LoggerMessage(1, LogLevel.Information, "Schedule {ScheduleId} created by {UserId}: {Kind}, first due {NextDueAt}")]
    private static partial void LogCreated(ILogger logger, string scheduleId, long userId, ScheduleKind kind, DateTimeOffset? nextDueAt);

    [LoggerMessage(2, LogLevel.Information, "Schedule {ScheduleId} ran its {DueAt} run (attempt {Attempt}): {Outcome}, already run {AlreadyRun}")]
    private static partial void LogRan(ILogger logger, string scheduleId, DateTimeOffset dueAt, int attempt, RunOutcome outcome, bool alreadyRun);

    [LoggerMessage(3, LogLevel.Information, "Schedule {ScheduleId} paused by its permission check: {Reason}")]
    private static partial void LogPaused(ILogger logger, string scheduleId, PauseReason reason);
}
