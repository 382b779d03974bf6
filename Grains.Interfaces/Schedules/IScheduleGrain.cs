using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>
/// One schedule or alert (key: <see cref="ScheduleKeys.NewId"/>). Its definition is a row of <c>Schedules</c>, written by this
/// grain only; a reminder wakes it when a run is due. Every call names who asks: the owner may do everything, the organization's
/// owner may see, pause, resume, run and delete the schedules of the organization's members; anyone else finds nothing.
/// </summary>
[Alias("OrleansAssistant.IScheduleGrain")]
public interface IScheduleGrain : IGrainWithStringKey
{
    /// <summary>Creates the schedule from an answer of the asker's; refused outcomes change nothing.</summary>
    [Alias("Create")]
    Task<ScheduleChange> CreateAsync(Principal asker, ScheduleRequest request);

    /// <returns>Null when there is no such schedule or the asker may not see it.</returns>
    [Alias("Get")]
    Task<ScheduleView?> GetAsync(Principal asker);

    [Alias("Pause")]
    Task<ScheduleChange> PauseAsync(Principal asker);

    /// <summary>Checks the owner's permissions again; a schedule that still may not run stays paused (<see cref="ScheduleChangeStatus.StillNotPermitted"/>).</summary>
    [Alias("Resume")]
    Task<ScheduleChange> ResumeAsync(Principal asker);

    /// <summary>Runs it once now, outside its rhythm (the result is delivered like a due run's); the next due run stays as planned.</summary>
    [Alias("RunNow")]
    Task<ScheduleChange> RunNowAsync(Principal asker);

    /// <summary>Deletes it and its reminder; its past runs stay in the ledger.</summary>
    [Alias("Delete")]
    Task<ScheduleChange> DeleteAsync(Principal asker);

    /// <summary>
    /// Runs the occurrence that is due now, if any (nothing when paused, deleted or not yet due). Called by the silo's run queue
    /// after a reminder tick, so that a burst of due schedules runs a bounded number at a time; safe to call any time.
    /// </summary>
    [Alias("RunDue")]
    Task RunDueAsync();

    /// <summary>The newest runs, newest first; empty when the asker may not see the schedule.</summary>
    [Alias("Runs")]
    Task<IReadOnlyList<ScheduleRunView>> RunsAsync(Principal asker, int count);
}
