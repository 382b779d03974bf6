using Cronos;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Grains.Schedules.Rhythm;

/// <summary>
/// Checks rhythms and finds when they are next due. Daylight saving follows Cronos' rules: a wall-clock time the
/// spring change skips (02:30 in Berlin on the last Sunday of March) runs once, at the first instant after the gap;
/// a fixed time the autumn change repeats runs once, at its first passing; interval expressions ("*/30 * * * *")
/// keep their interval through both hours of the autumn change.
/// </summary>
public sealed class RhythmCalendar(ScheduleSettings settings)
{
    /// <summary>Runs looked at for the closest gap: enough to cross several days of any rhythm that passes the minimum.</summary>
    private const int RunsCompared = 64;

    private const int MaxCronLength = 200;

    public RhythmCheck Check(ScheduleRhythm rhythm, DateTimeOffset now)
    {
        if (Read(rhythm) is not { } read) return new RhythmCheck(ProblemOf(rhythm));
        if (read.Expression.GetNextOccurrence(now, read.Zone) is not { } next) return new RhythmCheck(RhythmProblem.NeverFires);

        var shortest = ShortestGap(read, next);
        if (shortest < settings.MinimumInterval)
        {
            return new RhythmCheck(RhythmProblem.TooFrequent, ShortestGap: shortest, MinimumInterval: settings.MinimumInterval);
        }
        return new RhythmCheck(RhythmProblem.None, next.ToUniversalTime());
    }

    /// <summary>The first run strictly after <paramref name="instant"/>, in UTC; null once the rhythm has no run left.</summary>
    /// <exception cref="ArgumentException">The rhythm does not pass <see cref="Check"/>'s reading (a stored rhythm always does).</exception>
    public static DateTimeOffset? NextDueAfter(ScheduleRhythm rhythm, DateTimeOffset instant)
    {
        var read = Read(rhythm) ?? throw new ArgumentException($"The rhythm cannot be read: {ProblemOf(rhythm)}.", nameof(rhythm));
        return read.Expression.GetNextOccurrence(instant, read.Zone)?.ToUniversalTime();
    }

    private static TimeSpan? ShortestGap(ReadRhythm read, DateTimeOffset first)
    {
        TimeSpan? shortest = null;
        var previous = first;
        for (var run = 1; run < RunsCompared; run++)
        {
            if (read.Expression.GetNextOccurrence(previous, read.Zone) is not { } next) break;
            var gap = next - previous;
            if (shortest is null || gap < shortest) shortest = gap;
            previous = next;
        }
        return shortest;
    }

    private static ReadRhythm? Read(ScheduleRhythm rhythm)
    {
        if (ProblemBeforeCron(rhythm) != RhythmProblem.None) return null;
        if (!ScheduleTimeZones.TryFind(rhythm.TimeZone, out var zone)) return null;
        var text = RhythmCron.TextOf(rhythm);
        if (text.Length is 0 or > MaxCronLength) return null;
        try
        {
            return new ReadRhythm(CronExpression.Parse(text, CronFormat.Standard), zone);
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    /// <summary>Why <see cref="Read"/> gave nothing, in the order a person would fix it.</summary>
    private static RhythmProblem ProblemOf(ScheduleRhythm rhythm)
    {
        var problem = ProblemBeforeCron(rhythm);
        if (problem != RhythmProblem.None) return problem;
        return ScheduleTimeZones.IsKnown(rhythm.TimeZone) ? RhythmProblem.InvalidCron : RhythmProblem.UnknownTimeZone;
    }

    private static RhythmProblem ProblemBeforeCron(ScheduleRhythm rhythm)
    {
        if (rhythm.Kind == RhythmKind.Cron) return RhythmProblem.None;
        var time = rhythm.TimeOfDay;
        if (time < TimeSpan.Zero || time >= TimeSpan.FromDays(1) || time.Ticks % TimeSpan.TicksPerMinute != 0) return RhythmProblem.InvalidTimeOfDay;
        if (rhythm.Kind == RhythmKind.Weekly && (rhythm.Day is not { } day || !Enum.IsDefined(day))) return RhythmProblem.MissingDay;
        return Enum.IsDefined(rhythm.Kind) ? RhythmProblem.None : RhythmProblem.InvalidCron;
    }

    private sealed record ReadRhythm(CronExpression Expression, TimeZoneInfo Zone);
}
