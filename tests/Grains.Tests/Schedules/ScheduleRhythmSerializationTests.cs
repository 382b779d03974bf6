using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>Rhythms travel in grain calls and sit in schedule state: every kind must come back as it went.</summary>
[Collection(SiloCollection.Name)]
public sealed class ScheduleRhythmSerializationTests(SiloFixture fixture)
{
    public static TheoryData<ScheduleRhythm> Rhythms => new()
    {
        ScheduleRhythm.Daily(new TimeSpan(9, 0, 0), "Europe/Berlin"),
        ScheduleRhythm.Weekdays(new TimeSpan(7, 45, 0), "UTC"),
        ScheduleRhythm.Weekly(DayOfWeek.Saturday, new TimeSpan(23, 59, 0), "America/New_York"),
        ScheduleRhythm.MonthlyFirst(TimeSpan.Zero, "Asia/Kolkata"),
        ScheduleRhythm.Cron("0 9 31 * *", "UTC"),
    };

    [Theory]
    [MemberData(nameof(Rhythms))]
    public void Rhythm_RoundTripsThroughTheOrleansSerializer(ScheduleRhythm rhythm)
    {
        var serializer = fixture.Services.GetRequiredService<Serializer>();

        Assert.Equal(rhythm, serializer.Deserialize<ScheduleRhythm>(serializer.SerializeToArray(rhythm)));
    }

    [Fact]
    public void Check_RoundTripsThroughTheOrleansSerializer()
    {
        var serializer = fixture.Services.GetRequiredService<Serializer>();
        var check = new RhythmCheck(RhythmProblem.TooFrequent, ShortestGap: TimeSpan.FromMinutes(5), MinimumInterval: TimeSpan.FromMinutes(15));

        Assert.Equal(check, serializer.Deserialize<RhythmCheck>(serializer.SerializeToArray(check)));
    }
}
