namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>
/// When a schedule runs, read on the wall clock of <see cref="TimeZone"/> (an IANA id such as "Europe/Berlin").
/// <see cref="TimeOfDay"/> counts from local midnight (a TimeSpan: Orleans serializes it, not TimeOnly).
/// <see cref="Day"/> is used by <see cref="RhythmKind.Weekly"/> only, <see cref="CronText"/> by <see cref="RhythmKind.Cron"/> only.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ScheduleRhythm")]
public sealed record ScheduleRhythm(
    [property: Id(0)] RhythmKind Kind,
    [property: Id(1)] TimeSpan TimeOfDay,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] DayOfWeek? Day = null,
    [property: Id(4)] string? CronText = null)
{
    public static ScheduleRhythm Daily(TimeSpan at, string timeZone) => new(RhythmKind.Daily, at, timeZone);

    public static ScheduleRhythm Weekdays(TimeSpan at, string timeZone) => new(RhythmKind.Weekdays, at, timeZone);

    public static ScheduleRhythm Weekly(DayOfWeek day, TimeSpan at, string timeZone) => new(RhythmKind.Weekly, at, timeZone, day);

    public static ScheduleRhythm MonthlyFirst(TimeSpan at, string timeZone) => new(RhythmKind.MonthlyFirst, at, timeZone);

    public static ScheduleRhythm Cron(string cronText, string timeZone) => new(RhythmKind.Cron, TimeSpan.Zero, timeZone, CronText: cronText);
}
