using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Rhythm;
using OrleansAssistant.Grains.Schedules.Runs;

namespace OrleansAssistant.Grains.Schedules;

public sealed partial class ScheduleGrain
{
    public const string ReminderName = "run";

    /// <summary>
    /// The reminder's period. Orleans skips the ticks missed while no silo held the grain, so this is how soon a due run
    /// is caught up after a crash; every tick re-registers for the next due time, so a healthy schedule wakes only then.
    /// </summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan MinimumDueTime = TimeSpan.FromSeconds(1);

    // A reminder's first tick rides on a timer, which cannot wait 50 days; a far run is reached by waking on the way.
    private static readonly TimeSpan MaximumDueTime = TimeSpan.FromDays(28);

    /// <summary>The attempt of the due run being retried (1 when none is); kept by the activation, as the retries are minutes apart.</summary>
    private int _attempt = 1;

    private DateTimeOffset? _retryAt;

    /// <summary>
    /// A tick only decides whether a run is due and, if so, hands the schedule to the silo's run queue, which calls
    /// <see cref="RunDueAsync"/> a bounded number at a time: ten thousand schedules due in one minute would otherwise all
    /// query, write and time out at once.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName) return;
        if (await DueAsync() is not null) runQueue.Enqueue(ScheduleId);
    }

    public async Task RunDueAsync()
    {
        if (await DueAsync() is not { } schedule) return;
        var due = schedule.NextDueAt!.Value;
        var now = timeProvider.GetUtcNow();

        // After a long outage only the latest missed occurrence runs, not a burst of them; a retry keeps its own.
        var runDue = _retryAt is null ? ScheduleCatchUp.LatestMissed(schedule.Rhythm, due, now) : due;
        if (runDue != due) await SaveAsync(schedule with { NextDueAt = runDue });
        var report = await runner.RunAsync(_schedule!, runDue, manual: false, _attempt, CancellationToken.None);
        LogRan(logger, ScheduleId, runDue, _attempt, report.Outcome, report.AlreadyRun);
        await ActOnAsync(report, runDue);
    }

    /// <returns>The schedule when a run is due now; otherwise null, with the reminder set for when one will be (or removed).</returns>
    private async Task<ScheduleDefinition?> DueAsync()
    {
        if (_schedule is not { Status: ScheduleStatus.Active, NextDueAt: { } due } schedule)
        {
            await UnregisterReminderAsync();
            return null;
        }
        var wakeAt = _retryAt ?? due;
        if (timeProvider.GetUtcNow() >= wakeAt) return schedule;
        await RegisterReminderAsync(wakeAt);
        return null;
    }

    private async Task ActOnAsync(RunReport report, DateTimeOffset runDue)
    {
        if (report is { Outcome: RunOutcome.Paused, AlreadyRun: false })
        {
            await PauseForAsync(report.PauseReason);
            return;
        }
        if (report is { Outcome: RunOutcome.RetryPending, AlreadyRun: false, RetryAt: { } retryAt })
        {
            _attempt++;
            _retryAt = retryAt;
            await RegisterReminderAsync(retryAt);
            return;
        }

        ForgetRetry();
        var next = RhythmCalendar.NextDueAfter(_schedule!.Rhythm, runDue);
        await SaveAsync(WithAlertMemory(_schedule, report) with { NextDueAt = next });
        if (next is null) await UnregisterReminderAsync();
        else await RegisterReminderAsync(next);
    }

    /// <summary>Pauses the schedule for a reason a run's permission check found (the runner has told the owner).</summary>
    private async Task PauseForAsync(PauseReason reason)
    {
        ForgetRetry();
        await SaveAsync(_schedule! with { Status = ScheduleStatus.Paused, PauseReason = reason });
        await UnregisterReminderAsync();
        await RecordAsync(ScheduleEvents.Paused, null, new() { ["reason"] = reason.ToString() });
        LogPaused(logger, ScheduleId, reason);
    }

    /// <summary>A pause, resume or delete ends any retry of a due run: a resumed schedule starts from its next occurrence.</summary>
    private void ForgetRetry()
    {
        _attempt = 1;
        _retryAt = null;
    }

    private async Task RegisterReminderAsync(DateTimeOffset? wakeAt)
    {
        if (wakeAt is not { } at)
        {
            await UnregisterReminderAsync();
            return;
        }
        var dueTime = at - timeProvider.GetUtcNow();
        dueTime = dueTime < MinimumDueTime ? MinimumDueTime : dueTime > MaximumDueTime ? MaximumDueTime : dueTime;
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, ReminderPeriod);
    }

    private async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder) await this.UnregisterReminder(reminder);
    }
}
