using OrleansAssistant.Grains.Schedules.Rhythm;

namespace OrleansAssistant.Grains.Schedules.Runs;

/// <summary>
/// Runs one due occurrence of a schedule, exactly once: the run is claimed in <c>ScheduleRuns</c> under
/// <see cref="Interfaces.Schedules.ScheduleKeys.RunId"/>, so a second fire for the same due time does nothing.
/// </summary>
public sealed class ScheduleRunner(ScheduleSettings settings)
{
    /// <param name="dueAt">The occurrence being run (for "run now": the instant of the press).</param>
    /// <param name="manual">A "run now" press: its run id is <see cref="Interfaces.Schedules.ScheduleKeys.ManualRunId"/>, and a database that is down is reported at once, not retried.</param>
    /// <param name="attempt">1 for the first try; a retry after the database was down passes 2, 3, 4.</param>
    public Task<RunReport> RunAsync(ScheduleDefinition schedule, DateTimeOffset dueAt, bool manual, int attempt, CancellationToken cancellationToken)
    {
        _ = settings;
        throw new NotImplementedException($"Running {schedule.ScheduleId} at {dueAt:O} (attempt {attempt}, manual {manual}) is not built yet.");
    }
}
