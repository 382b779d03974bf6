using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Schedules;

/// <summary>An alert is checked on its rhythm while its owner's data changes; it speaks once per crossing and once on return.</summary>
[Collection(ScheduleSiloCollection.Name)]
public sealed class AlertTests(ScheduleSiloFixture fixture)
{
    private const string LargestOrderSql = "SELECT total FROM orders WHERE id = 4";

    [Theory]
    [InlineData(AlertCondition.Above, 500, new[] { 1000, 1000, 100, 100, 900 }, "Fired Quiet Returned Quiet Fired")]
    [InlineData(AlertCondition.Below, 50, new[] { 1000, 10, 20, 100, 100 }, "Quiet Fired Quiet Returned Quiet")]
    [InlineData(AlertCondition.ChangesFrom, 1000, new[] { 1000, 999, 998, 1000, 1000 }, "Quiet Fired Quiet Returned Quiet")]
    public async Task AnAlert_NotifiesOncePerCrossing_AndOnceOnReturn(AlertCondition condition, int threshold, int[] values, string expected)
    {
        var asker = await Asker.NewAsync(fixture);
        var schedule = fixture.Schedule(asker, LargestOrderSql, alert: new AlertRule(condition, threshold));
        var runner = fixture.Runner();
        var due = fixture.Now;
        var before = fixture.Model.Requests.Count;

        var outcomes = new List<string>();
        foreach (var value in values)
        {
            await RunRow.ExecuteOnShopAsync(asker.DatabasePath, $"UPDATE orders SET total = {value.ToString(CultureInfo.InvariantCulture)} WHERE id = 4");
            var report = await runner.RunAsync(schedule, due, false, 1, CancellationToken.None);
            outcomes.Add(report.Outcome.ToString().Replace("Alert", "", StringComparison.Ordinal));
            Assert.Equal(value, report.Value);
            // What the schedule grain keeps between checks.
            schedule = schedule with { Crossed = report.Crossed!.Value, LastValue = report.Value };
            due = due.AddMinutes(15);
        }

        Assert.Equal(expected, string.Join(' ', outcomes));
        Assert.Equal(before, fixture.Model.Requests.Count);
        var notices = await fixture.TakeNoticesAsync(schedule.ScheduleId);
        var told = expected.Split(' ').Where(word => word != "Quiet").Select(word => word == "Fired" ? ScheduleNoticeKind.AlertCrossed : ScheduleNoticeKind.AlertReturned);
        Assert.Equal(told, notices.Select(notice => notice.Kind));
        Assert.All(notices, notice => Assert.Equal(new AlertRule(condition, threshold), notice.Alert));
    }

    [Fact]
    public async Task AResultThatIsNoLongerOneNumber_FailsTheCheck_AndTellsTheOwner()
    {
        var asker = await Asker.NewAsync(fixture);
        var schedule = fixture.Schedule(asker, "SELECT id, total FROM orders", alert: new AlertRule(AlertCondition.Above, 10));

        var report = await fixture.Runner().RunAsync(schedule, fixture.Now, false, 1, CancellationToken.None);

        Assert.Equal(RunOutcome.Failed, report.Outcome);
        var notice = Assert.Single(await fixture.TakeNoticesAsync(schedule.ScheduleId));
        Assert.Equal((ScheduleNoticeKind.Failed, "not one number: 4 rows, 2 columns"), (notice.Kind, notice.Error));
    }
}
