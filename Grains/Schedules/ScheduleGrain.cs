using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Audit;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Schedules.Creation;
using OrleansAssistant.Grains.Schedules.Rhythm;
using OrleansAssistant.Grains.Schedules.Runs;
using OrleansAssistant.Grains.Schedules.Store;

namespace OrleansAssistant.Grains.Schedules;

/// <summary>
/// One schedule or alert. Its row in <c>Schedules</c> is its state (this grain is the row's only writer) and a reminder named
/// <see cref="ReminderName"/> wakes it when a run is due. Not reentrant: a tick, a press and a change never interleave.
/// </summary>
public sealed partial class ScheduleGrain(
    ScheduleStore store,
    ScheduleRequestCheck requests,
    ScheduleRunner runner,
    ScheduleRunQueue runQueue,
    ActivityLog activity,
    TimeProvider timeProvider,
    ILogger<ScheduleGrain> logger) : Grain, IScheduleGrain, IRemindable
{
    /// <summary>Newest runs one call lists at most.</summary>
    public const int MaxRunsListed = 100;

    /// <summary>Null until created, and again once deleted.</summary>
    private ScheduleDefinition? _schedule;

    private string ScheduleId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _schedule = await store.FindAsync(ScheduleId, cancellationToken);

    public async Task<ScheduleChange> CreateAsync(Principal asker, ScheduleRequest request)
    {
        if (_schedule is { } existing)
        {
            return SchedulePermissions.MayManage(asker, existing) ? Changed(ScheduleChangeStatus.Unchanged) : new ScheduleChange(ScheduleChangeStatus.NotFound);
        }
        var creation = await requests.CheckAsync(GrainFactory, ScheduleId, asker, request);
        if (creation.Schedule is not { } schedule) return creation.Refusal!;

        await store.InsertAsync(schedule, CancellationToken.None);
        _schedule = schedule;
        await RegisterReminderAsync(schedule.NextDueAt);
        await RecordAsync(ScheduleEvents.Created, asker, new() { ["kind"] = schedule.Kind.ToString(), ["rhythm"] = schedule.Rhythm.Kind.ToString() });
        LogCreated(logger, ScheduleId, asker.UserId, schedule.Kind, schedule.NextDueAt);
        return new ScheduleChange(ScheduleChangeStatus.Done, schedule.ToView(), WebhookSecret: schedule.WebhookSecret);
    }

    public async Task<ScheduleView?> GetAsync(Principal asker)
    {
        if (Visible(asker) is not { } schedule) return null;
        var lastRun = (await store.RunsAsync(ScheduleId, 1, CancellationToken.None)).FirstOrDefault();
        return schedule.ToView(lastRun);
    }

    public async Task<ScheduleChange> PauseAsync(Principal asker)
    {
        if (Visible(asker) is not { } schedule) return new ScheduleChange(ScheduleChangeStatus.NotFound);
        if (schedule.Status == ScheduleStatus.Paused) return Changed(ScheduleChangeStatus.Unchanged);

        await SaveAsync(schedule with { Status = ScheduleStatus.Paused, PauseReason = PauseReason.ByOwner });
        ForgetRetry();
        await UnregisterReminderAsync();
        await RecordAsync(ScheduleEvents.Paused, asker, new() { ["reason"] = nameof(PauseReason.ByOwner) });
        return Changed(ScheduleChangeStatus.Done);
    }

    public async Task<ScheduleChange> ResumeAsync(Principal asker)
    {
        if (Visible(asker) is not { } schedule) return new ScheduleChange(ScheduleChangeStatus.NotFound);
        if (schedule.Status == ScheduleStatus.Active) return Changed(ScheduleChangeStatus.Unchanged);

        var reason = await RunPermission.CheckAsync(GrainFactory, schedule);
        if (reason != PauseReason.None)
        {
            if (reason != schedule.PauseReason) await SaveAsync(schedule with { PauseReason = reason });
            return Changed(ScheduleChangeStatus.StillNotPermitted);
        }
        var next = RhythmCalendar.NextDueAfter(schedule.Rhythm, timeProvider.GetUtcNow());
        await SaveAsync(schedule with { Status = ScheduleStatus.Active, PauseReason = PauseReason.None, NextDueAt = next });
        ForgetRetry();
        await RegisterReminderAsync(next);
        await RecordAsync(ScheduleEvents.Resumed, asker);
        return Changed(ScheduleChangeStatus.Done);
    }

    public async Task<ScheduleChange> RunNowAsync(Principal asker)
    {
        if (Visible(asker) is not { } schedule) return new ScheduleChange(ScheduleChangeStatus.NotFound);

        var report = await runner.RunAsync(schedule, timeProvider.GetUtcNow(), manual: true, attempt: 1, CancellationToken.None);
        switch (report.Outcome)
        {
            case RunOutcome.Paused:
                await PauseForAsync(report.PauseReason);
                return Changed(ScheduleChangeStatus.StillNotPermitted);
            case RunOutcome.RetryPending:
                return Changed(ScheduleChangeStatus.DatabaseUnavailable);
            default:
                // The alert remembers what this check saw, so the next due check does not tell the same crossing again.
                if (report.Crossed is not null || report.Value is not null) await SaveAsync(WithAlertMemory(_schedule!, report));
                return Changed(ScheduleChangeStatus.Done);
        }
    }

    public async Task<ScheduleChange> DeleteAsync(Principal asker)
    {
        if (Visible(asker) is not { } schedule) return new ScheduleChange(ScheduleChangeStatus.NotFound);

        await store.DeleteAsync(ScheduleId, CancellationToken.None);
        _schedule = null;
        ForgetRetry();
        await UnregisterReminderAsync();
        await RecordAsync(ScheduleEvents.Deleted, asker, new() { ["owner"] = schedule.OwnerUserId }, schedule);
        return new ScheduleChange(ScheduleChangeStatus.Done);
    }

    public async Task<IReadOnlyList<ScheduleRunView>> RunsAsync(Principal asker, int count)
    {
        if (Visible(asker) is null || count <= 0) return [];
        return await store.RunsAsync(ScheduleId, Math.Min(count, MaxRunsListed), CancellationToken.None);
    }

    /// <summary>The schedule, when it exists and the asker may see it; anyone else finds nothing.</summary>
    private ScheduleDefinition? Visible(Principal asker) =>
        _schedule is { } schedule && SchedulePermissions.MayManage(asker, schedule) ? schedule : null;

    private ScheduleChange Changed(ScheduleChangeStatus status) => new(status, _schedule?.ToView());

    private async Task SaveAsync(ScheduleDefinition schedule)
    {
        await store.UpdateAsync(schedule, CancellationToken.None);
        _schedule = schedule;
    }

    private static ScheduleDefinition WithAlertMemory(ScheduleDefinition schedule, RunReport report) =>
        schedule with { Crossed = report.Crossed ?? schedule.Crossed, LastValue = report.Value ?? schedule.LastValue };
}
