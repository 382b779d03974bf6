using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Schedules.Rhythm;

namespace OrleansAssistant.Grains.Tests.Budgets;

/// <summary>The month a budget counts in starts and ends at local midnight in the organization's zone, across daylight saving.</summary>
public sealed class BudgetMonthTests
{
    private static TimeZoneInfo Zone(string id) => ScheduleTimeZones.TryFind(id, out var zone) ? zone : throw new InvalidOperationException($"No zone {id}.");

    [Fact]
    public void AMonthInBerlin_RunsFromLocalMidnightToLocalMidnight_AcrossTheSpringChange()
    {
        var march = BudgetMonth.Containing(Instant("2026-03-15T12:00:00Z"), Zone("Europe/Berlin"));

        Assert.Equal((2026, 3, "2026-03"), (march.Year, march.Month, march.Key));
        // 00:00 +01:00 on 1 March; 00:00 +02:00 on 1 April (summer time since 29 March).
        Assert.Equal(Instant("2026-02-28T23:00:00Z"), march.StartsAt);
        Assert.Equal(Instant("2026-03-31T22:00:00Z"), march.EndsAt);
        Assert.Equal(TimeSpan.FromDays(31) - TimeSpan.FromHours(1), march.EndsAt - march.StartsAt);
    }

    [Fact]
    public void TheFirstInstantOfTheMonth_BelongsToIt_AndTheOneBefore_ToThePreviousMonth()
    {
        var berlin = Zone("Europe/Berlin");
        var start = Instant("2026-02-28T23:00:00Z");

        Assert.Equal(3, BudgetMonth.Containing(start, berlin).Month);
        Assert.Equal(2, BudgetMonth.Containing(start.AddTicks(-1), berlin).Month);
        Assert.True(BudgetMonth.Containing(start, berlin).Contains(start));
        Assert.False(BudgetMonth.Containing(start.AddTicks(-1), berlin).Contains(start));
    }

    [Fact]
    public void December_EndsAtTheNewYear_InTheZone()
    {
        var december = BudgetMonth.Containing(Instant("2026-12-31T20:00:00Z"), Zone("America/New_York"));

        Assert.Equal((2026, 12), (december.Year, december.Month));
        Assert.Equal(Instant("2027-01-01T05:00:00Z"), december.EndsAt);
        // Already January in Tokyo at that instant.
        var tokyo = BudgetMonth.Containing(Instant("2026-12-31T20:00:00Z"), Zone("Asia/Tokyo"));
        Assert.Equal((2027, 1), (tokyo.Year, tokyo.Month));
    }

    [Fact]
    public void AMidnightSkippedByDaylightSaving_StartsTheMonthAtTheFirstInstantAfterTheGap()
    {
        // Clocks go from 00:00 to 01:00 on 1 October (as Paraguay's and Chile's did at midnight): the month starts at 01:00 -03:00.
        var midnightSpring = TimeZoneInfo.CreateCustomTimeZone("Test/MidnightSpring", TimeSpan.FromHours(-4), "Midnight spring", "Standard",
            "Summer", [TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(new DateTime(2000, 1, 1), new DateTime(2099, 12, 31), TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 0, 0), 10, 1),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 0, 0), 3, 1))]);

        var october = BudgetMonth.Containing(Instant("2023-10-10T12:00:00Z"), midnightSpring);

        Assert.Equal(Instant("2023-10-01T04:00:00Z"), october.StartsAt);
        Assert.Equal(Instant("2023-11-01T03:00:00Z"), october.EndsAt);
    }

    [Fact]
    public void DaysToReset_CountsAStartedDayAsOne()
    {
        var march = BudgetMonth.Containing(Instant("2026-03-15T12:00:00Z"), Zone("Europe/Berlin"));

        Assert.Equal(1, march.DaysToReset(Instant("2026-03-30T22:00:00Z")));
        Assert.Equal(2, march.DaysToReset(Instant("2026-03-29T22:00:00Z")));
        Assert.Equal(3, march.DaysToReset(Instant("2026-03-29T21:59:00Z")));
        Assert.Equal(0, march.DaysToReset(march.EndsAt));
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
