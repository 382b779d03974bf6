using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Rhythm;

namespace OrleansAssistant.Grains.Tests.Schedules;

public sealed class ScheduleRhythmTests
{
    private static readonly TimeSpan NineAm = TimeSpan.FromHours(9);
    private readonly RhythmCalendar _calendar = new(ScheduleSettings.Default);

    [Fact]
    public void Daily_NextDue_IsTheSameDayWhenStillAhead_ThenTheNextDay()
    {
        var rhythm = ScheduleRhythm.Daily(NineAm, "UTC");

        Assert.Equal(Utc("2026-03-10T09:00"), RhythmCalendar.NextDueAfter(rhythm, Utc("2026-03-10T08:00")));
        // Strictly after: a run due right now is the one being run, not the next.
        Assert.Equal(Utc("2026-03-11T09:00"), RhythmCalendar.NextDueAfter(rhythm, Utc("2026-03-10T09:00")));
    }

    [Fact]
    public void Weekdays_AfterFriday_IsMondayOnTheLocalClock()
    {
        var rhythm = ScheduleRhythm.Weekdays(NineAm, "Europe/Berlin");

        // Friday 13 March 2026, 10:00 UTC; Berlin is UTC+1 in winter.
        Assert.Equal(Utc("2026-03-16T08:00"), RhythmCalendar.NextDueAfter(rhythm, Utc("2026-03-13T10:00")));
    }

    [Fact]
    public void Weekly_RunsOnItsDayOnly()
    {
        var rhythm = ScheduleRhythm.Weekly(DayOfWeek.Wednesday, new TimeSpan(18, 30, 0), "America/New_York");

        // Thursday 12 March 2026 → Wednesday 18 March, 18:30 EDT (UTC−4).
        Assert.Equal(Utc("2026-03-18T22:30"), RhythmCalendar.NextDueAfter(rhythm, Utc("2026-03-12T12:00")));
    }

    [Fact]
    public void MonthlyFirst_RunsOnTheFirstOfTheNextMonth()
    {
        var rhythm = ScheduleRhythm.MonthlyFirst(new TimeSpan(7, 0, 0), "UTC");

        Assert.Equal(Utc("2026-02-01T07:00"), RhythmCalendar.NextDueAfter(rhythm, Utc("2026-01-15T00:00")));
    }

    [Fact]
    public void CronOnThe31st_SkipsMonthsWithoutOne()
    {
        var rhythm = ScheduleRhythm.Cron("0 9 31 * *", "UTC");

        Assert.Equal(Utc("2026-03-31T09:00"), RhythmCalendar.NextDueAfter(rhythm, Utc("2026-02-01T00:00")));
        Assert.Equal(Utc("2026-05-31T09:00"), RhythmCalendar.NextDueAfter(rhythm, Utc("2026-04-01T00:00")));
        Assert.True(_calendar.Check(rhythm, Utc("2026-02-01T00:00")).IsAccepted);
    }

    [Fact]
    public void Check_AcceptedRhythm_GivesItsNextDueInUtc()
    {
        var check = _calendar.Check(ScheduleRhythm.Daily(NineAm, "Asia/Kolkata"), Utc("2026-03-10T00:00"));

        Assert.Equal(RhythmProblem.None, check.Problem);
        // 09:00 in India is 03:30 UTC.
        Assert.Equal(Utc("2026-03-10T03:30"), check.NextDue);
        Assert.Equal(TimeSpan.Zero, check.NextDue!.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("every monday")]
    [InlineData("61 * * * *")]
    [InlineData("0 25 * * *")]
    [InlineData("0 9 * *")]
    [InlineData("0 0 9 * * *")] // seconds are not part of the five-field form
    public void Check_InvalidCron_IsRefused(string cron)
    {
        var check = _calendar.Check(ScheduleRhythm.Cron(cron, "UTC"), Utc("2026-03-10T00:00"));

        Assert.Equal(new RhythmCheck(RhythmProblem.InvalidCron), check);
    }

    [Theory]
    [InlineData("*/5 * * * *", 5)]
    [InlineData("* 9 * * *", 1)]
    // 23:50 and the next day's 00:00 are ten minutes apart although no two runs on one day are closer than 50.
    [InlineData("0,50 0,23 * * *", 10)]
    public void Check_CronMoreFrequentThanTheMinimum_IsRefusedWithTheGap(string cron, int gapMinutes)
    {
        var check = _calendar.Check(ScheduleRhythm.Cron(cron, "UTC"), Utc("2026-03-10T00:05"));

        Assert.Equal(RhythmProblem.TooFrequent, check.Problem);
        Assert.Equal(TimeSpan.FromMinutes(gapMinutes), check.ShortestGap);
        Assert.Equal(TimeSpan.FromMinutes(15), check.MinimumInterval);
        Assert.Null(check.NextDue);
    }

    [Fact]
    public void Check_CronAtExactlyTheMinimum_IsAccepted()
    {
        var check = _calendar.Check(ScheduleRhythm.Cron("*/15 * * * *", "UTC"), Utc("2026-03-10T00:05"));

        Assert.Equal(Utc("2026-03-10T00:15"), check.NextDue);
    }

    [Fact]
    public void Check_MinimumComesFromTheSettings()
    {
        var stricter = new RhythmCalendar(ScheduleSettings.Default with { MinimumInterval = TimeSpan.FromHours(2) });

        var check = stricter.Check(ScheduleRhythm.Cron("0 * * * *", "UTC"), Utc("2026-03-10T00:05"));

        Assert.Equal(RhythmProblem.TooFrequent, check.Problem);
        Assert.Equal(TimeSpan.FromHours(2), check.MinimumInterval);
    }

    [Theory]
    [InlineData("0 9 30 2 *")]
    [InlineData("0 9 31 4 *")]
    public void Check_CronThatNeverFires_IsRefused(string cron)
    {
        Assert.Equal(new RhythmCheck(RhythmProblem.NeverFires), _calendar.Check(ScheduleRhythm.Cron(cron, "UTC"), Utc("2026-03-10T00:00")));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("europe/berlin")]
    [InlineData("utc")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("")]
    public void Check_UnknownTimeZone_IsRefused(string zone)
    {
        // Loaded first, so a lookup that ignored case would find it in the runtime's cache.
        Assert.True(ScheduleTimeZones.IsKnown("Europe/Berlin"));
        Assert.False(ScheduleTimeZones.IsKnown(zone));
        Assert.Equal(new RhythmCheck(RhythmProblem.UnknownTimeZone), _calendar.Check(ScheduleRhythm.Daily(NineAm, zone), Utc("2026-03-10T00:00")));
        Assert.Equal(new RhythmCheck(RhythmProblem.UnknownTimeZone), _calendar.Check(ScheduleRhythm.Cron("0 9 * * *", zone), Utc("2026-03-10T00:00")));
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Etc/GMT+5")]
    public void IanaTimeZones_AreFoundFromTheMachinesTzDatabase(string zone)
    {
        Assert.True(ScheduleTimeZones.TryFind(zone, out var found));
        Assert.Equal(zone, found.Id);
    }

    [Fact]
    public void Check_WeeklyWithoutADay_IsRefused()
    {
        var rhythm = new ScheduleRhythm(RhythmKind.Weekly, NineAm, "UTC");

        Assert.Equal(RhythmProblem.MissingDay, _calendar.Check(rhythm, Utc("2026-03-10T00:00")).Problem);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(24 * 60)]
    [InlineData(9 * 60 + 0.5)]
    public void Check_TimeOfDayOutsideTheDayOrWithSeconds_IsRefused(double minutes)
    {
        var rhythm = ScheduleRhythm.Daily(TimeSpan.FromMinutes(minutes), "UTC");

        Assert.Equal(RhythmProblem.InvalidTimeOfDay, _calendar.Check(rhythm, Utc("2026-03-10T00:00")).Problem);
        Assert.Throws<ArgumentException>(() => RhythmCalendar.NextDueAfter(rhythm, Utc("2026-03-10T00:00")));
    }

    [Theory]
    // Berlin: summer time starts 29 March 2026 (02:00 → 03:00) and ends 25 October 2026 (03:00 → 02:00).
    [InlineData("Europe/Berlin", "2026-03-27T12:00", "2026-03-28T08:00", "2026-03-29T07:00", "2026-03-30T07:00")]
    [InlineData("Europe/Berlin", "2026-10-23T12:00", "2026-10-24T07:00", "2026-10-25T08:00", "2026-10-26T08:00")]
    // New York: summer time starts 8 March 2026 and ends 1 November 2026, both at 02:00.
    [InlineData("America/New_York", "2026-03-06T18:00", "2026-03-07T14:00", "2026-03-08T13:00", "2026-03-09T13:00")]
    [InlineData("America/New_York", "2026-10-30T18:00", "2026-10-31T13:00", "2026-11-01T14:00", "2026-11-02T14:00")]
    public void DailyAtNine_AcrossADaylightSavingChange_RunsAtNineLocalOncePerDay(string zone, string from, params string[] expected)
    {
        var runs = Runs(ScheduleRhythm.Daily(NineAm, zone), Utc(from), expected.Length);

        Assert.Equal(expected.Select(Utc), runs);
        var local = TimeZoneInfo.FindSystemTimeZoneById(zone);
        Assert.All(runs, run => Assert.Equal(NineAm, TimeZoneInfo.ConvertTime(run, local).TimeOfDay));
    }

    [Fact]
    public void HalfPastTwo_OnTheSpringForwardDay_RunsOnceRightAfterTheGap()
    {
        // 02:30 does not exist in Berlin on 29 March 2026: Cronos runs it at 03:00 CEST (01:00 UTC), once.
        var runs = Runs(ScheduleRhythm.Daily(new TimeSpan(2, 30, 0), "Europe/Berlin"), Utc("2026-03-28T02:00"), 2);

        Assert.Equal([Utc("2026-03-29T01:00"), Utc("2026-03-30T00:30")], runs);
    }

    [Fact]
    public void HalfPastTwo_OnTheFallBackDay_RunsOnceAtItsFirstPassing()
    {
        // 02:30 happens twice in Berlin on 25 October 2026 (00:30 and 01:30 UTC): it runs at the first only.
        var runs = Runs(ScheduleRhythm.Daily(new TimeSpan(2, 30, 0), "Europe/Berlin"), Utc("2026-10-24T02:00"), 2);

        Assert.Equal([Utc("2026-10-25T00:30"), Utc("2026-10-26T01:30")], runs);
    }

    [Fact]
    public void IntervalCron_OnTheFallBackDay_KeepsItsIntervalThroughTheRepeatedHour()
    {
        var rhythm = ScheduleRhythm.Cron("*/30 * * * *", "Europe/Berlin");

        var runs = Runs(rhythm, Utc("2026-10-24T23:50"), 8);

        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(30), pair.Second - pair.First));
        Assert.True(_calendar.Check(rhythm, Utc("2026-10-24T23:50")).IsAccepted);
    }

    private static List<DateTimeOffset> Runs(ScheduleRhythm rhythm, DateTimeOffset from, int count)
    {
        var runs = new List<DateTimeOffset>();
        var after = from;
        while (runs.Count < count && RhythmCalendar.NextDueAfter(rhythm, after) is { } next)
        {
            runs.Add(next);
            after = next;
        }
        return runs;
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
