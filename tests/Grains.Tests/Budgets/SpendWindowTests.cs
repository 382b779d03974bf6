using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Grains.Tests.Budgets;

/// <summary>The counting rules of one budget period: a cost is counted by the ledger read or by its settlement, never both.</summary>
public sealed class SpendWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Start.AddDays(10);

    private static SpendWindow Window()
    {
        var window = new SpendWindow(new SpendPeriod("2026-12", Start, Start.AddMonths(1)));
        window.Load(new Dictionary<long, decimal> { [1] = 2m }, cutoff: Now.AddSeconds(-30), readAt: Now);
        return window;
    }

    private static SpendSettlement Settled(string id, decimal usd, DateTimeOffset completedAt, long userId = 1) =>
        new(id, id, userId, usd, completedAt.AddSeconds(-5), completedAt);

    [Fact]
    public void ASettlement_CountsOnce_AndEndsItsReservation()
    {
        var window = Window();
        window.Reserve("q1", 1, 0.5m, Now.AddMinutes(10));
        Assert.Equal(2.5m, window.Committed);

        Assert.True(window.Settle(Settled("q1", 0.1m, Now)));
        Assert.False(window.Settle(Settled("q1", 0.1m, Now)));

        Assert.Equal((2.1m, 0m), (window.Spent, window.Reserved));
    }

    [Fact]
    public void ACostCompletedBeforeTheReadsCutoff_IsLeftToTheRead()
    {
        var window = Window();
        window.Reserve("q1", 1, 0.5m, Now.AddMinutes(10));

        Assert.False(window.Settle(Settled("q1", 0.1m, Now.AddMinutes(-1))));

        Assert.Equal((2m, 0m), (window.Spent, window.Reserved));
    }

    [Fact]
    public void ACostOfAQuestionStartedLastMonth_IsNotThisMonths()
    {
        var window = Window();

        Assert.False(window.Settle(new SpendSettlement("q1", "q1", 1, 0.1m, Start.AddSeconds(-1), Now)));

        Assert.Equal(2m, window.Spent);
    }

    [Fact]
    public void ANewRead_KeepsTheSettlementsItCannotHaveCounted_AndDropsTheOthers()
    {
        var window = Window();
        window.Settle(Settled("early", 0.1m, Now));
        window.Settle(Settled("late", 0.2m, Now.AddMinutes(2)));

        // The next read (cutoff one minute after "early" completed) holds the old 2 and "early".
        window.Load(new Dictionary<long, decimal> { [1] = 2.1m }, cutoff: Now.AddMinutes(1), readAt: Now.AddMinutes(2));

        Assert.Equal(2.3m, window.Spent);
    }

    [Fact]
    public void AReservationPastItsTime_Lapses()
    {
        var window = Window();
        window.Reserve("q1", 1, 0.5m, Now.AddMinutes(10));
        window.Reserve("q2", 7, 0.25m, Now.AddMinutes(20));

        Assert.False(window.DropLapsed(Now.AddMinutes(5)));
        Assert.True(window.DropLapsed(Now.AddMinutes(15)));

        Assert.Equal((0.25m, 0m, 0.25m), (window.Reserved, window.ReservedBy(1), window.CommittedBy(7)));
    }
}
