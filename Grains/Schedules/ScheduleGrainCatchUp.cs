using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Rhythm;

namespace OrleansAssistant.Grains.Schedules;

/// <summary>
/// Which run a schedule makes when it wakes late (every silo was down at its due time): the latest occurrence that has
/// passed, once, not a burst of every one it missed. The report a person gets is about now, not about each missed hour.
/// </summary>
public static class ScheduleCatchUp
{
    /// <summary>Occurrences looked through at most; beyond that the run is an older one and the next tick catches up the rest.</summary>
    private const int MaxSkipped = 100_000;

    /// <returns>The last occurrence at or before <paramref name="now"/>, counting from <paramref name="due"/> (itself when none later has passed).</returns>
    public static DateTimeOffset LatestMissed(ScheduleRhythm rhythm, DateTimeOffset due, DateTimeOffset now)
    {
        var latest = due;
        for (var skipped = 0; skipped < MaxSkipped && RhythmCalendar.NextDueAfter(rhythm, latest) is { } next && next <= now; skipped++)
        {
            latest = next;
        }
        return latest;
    }
}
