namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>
/// The installation's daily cap (<c>Budgets:InstallationDailyUsd</c>, UTC days), over every account. Called only when the cap
/// is set; the account's budget grain reserves here after its own limits admitted the question. Use key 0.
/// </summary>
[Alias("OrleansAssistant.IInstallationBudgetGrain")]
public interface IInstallationBudgetGrain : IGrainWithIntegerKey
{
    /// <returns>Null when admitted (and reserved under <paramref name="reservationId"/>); the refusal otherwise.</returns>
    [Alias("Reserve")]
    Task<BudgetRefusal?> ReserveAsync(string reservationId, decimal estimateUsd);

    [Alias("Settle")]
    Task SettleAsync(SpendSettlement settlement);

    /// <summary>Today's line (UTC).</summary>
    [Alias("GetStatus")]
    Task<BudgetLine> GetStatusAsync();
}
