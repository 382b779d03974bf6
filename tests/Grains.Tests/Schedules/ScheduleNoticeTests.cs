using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Schedules;

[Collection(ScheduleSiloCollection.Name)]
public sealed class ScheduleNoticeTests(ScheduleSiloFixture fixture)
{
    [Fact]
    public async Task EachNotice_IsTakenOnce_EvenByTwoConcurrentTakers()
    {
        var asker = await Asker.NewAsync(fixture);
        var runner = fixture.Runner();
        var scheduleIds = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            var schedule = fixture.Schedule(asker, "SELECT id FROM orders WHERE id < 0");
            scheduleIds.Add(schedule.ScheduleId);
            Assert.Equal(RunOutcome.NoRows, (await runner.RunAsync(schedule, fixture.Now, false, 1, CancellationToken.None)).Outcome);
        }
        var notices = fixture.Grains.GetGrain<IScheduleNoticesGrain>(0);

        var taken = await Task.WhenAll(notices.TakeAsync(100), notices.TakeAsync(100), notices.TakeAsync(100));

        var ours = taken.SelectMany(batch => batch).Where(notice => scheduleIds.Contains(notice.ScheduleId)).ToArray();
        Assert.Equal(scheduleIds.Order(), ours.Select(notice => notice.ScheduleId).Order());
        Assert.All(ours, notice => Assert.Equal((ScheduleNoticeKind.NoRows, asker.UserId), (notice.Kind, notice.ChatId)));
        Assert.Empty(await fixture.TakeNoticesAsync(ours[0].ScheduleId));
    }

    [Fact]
    public async Task AReportsNotice_CarriesItsChart_DrawnWhenTaken()
    {
        var asker = await Asker.NewAsync(fixture);
        var schedule = fixture.Schedule(asker, """
            SELECT c.name, SUM(o.total) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY c.name
            """, title: "Sales by customer");

        await fixture.Runner(ScheduleSiloFixture.TestSettings with { Message = Interfaces.Questions.VerifiedAnswerMode.Template })
            .RunAsync(schedule, fixture.Now, false, 1, CancellationToken.None);

        var notice = Assert.Single(await fixture.TakeNoticesAsync(schedule.ScheduleId));
        Assert.Equal(Interfaces.Questions.ChartKind.Bar, notice.Chart!.Kind);
        Assert.Equal("PNG"u8.ToArray(), notice.Chart.Png[1..4]);
    }
}
