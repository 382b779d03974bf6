using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>
/// The installation's daily cap over every account, on UTC days. Keeps nothing of its own: each day is read from the ledger, and
/// reservations live as long as the activation (a lost one is a question that never settles, which lapses anyway).
/// </summary>
public sealed class InstallationBudgetGrain(BudgetPolicy policy, BudgetLedger ledger, TimeProvider timeProvider) : Grain, IInstallationBudgetGrain
{
    // One line for the whole installation: who spent is the account grains' business.
    private const long Everyone = 0;

    private SpendWindow? _window;

    public async Task<BudgetRefusal?> ReserveAsync(string reservationId, decimal estimateUsd)
    {
        var now = timeProvider.GetUtcNow();
        var window = await WindowAsync(now);
        if (policy.InstallationDailyUsd is { } cap && window.Committed >= cap)
        {
            return new BudgetRefusal(BudgetScope.Installation, cap, window.Committed, window.Period.EndsAt, "UTC");
        }
        window.Reserve(reservationId, Everyone, estimateUsd, now + policy.ReservationLifetime);
        return null;
    }

    public async Task SettleAsync(SpendSettlement settlement) =>
        (await WindowAsync(timeProvider.GetUtcNow())).Settle(settlement with { UserId = Everyone });

    public async Task<BudgetLine> GetStatusAsync() =>
        new(BudgetScope.Installation, policy.InstallationDailyUsd, (await WindowAsync(timeProvider.GetUtcNow())).Committed);

    private async Task<SpendWindow> WindowAsync(DateTimeOffset now)
    {
        var period = SpendPeriod.UtcDayOf(now);
        if (_window is null || _window.Period != period) _window = new SpendWindow(period);
        else if (!_window.DropLapsed(now) && now - _window.ReadAt < policy.ReadAgainAfter(_window)) return _window;
        var cutoff = now - policy.SettleLag;
        var spent = await ledger.SpentByUserAsync(BudgetAccount.Installation, period, cutoff, CancellationToken.None);
        _window.Load(new Dictionary<long, decimal> { [Everyone] = spent.Values.Sum() }, cutoff, now);
        return _window;
    }
}
