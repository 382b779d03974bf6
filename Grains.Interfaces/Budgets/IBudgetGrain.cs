using OrleansAssistant.Grains.Interfaces.Users;

namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>
/// One account's spending (key: <see cref="BudgetKeys"/>): an organization's or a personal account's month, with its limits,
/// the reservations of questions running now, and (organizations) the models its stages use. Every silo and gateway sees one
/// number because this grain holds it; the cost ledger stays the record it is reconciled from.
/// </summary>
[Alias("OrleansAssistant.IBudgetGrain")]
public interface IBudgetGrain : IGrainWithStringKey
{
    /// <summary>
    /// Before a question's first model call: admits it while the month's spend plus the reservations of running questions is
    /// under every limit that applies (organization, member, personal, installation), and reserves its estimate.
    /// </summary>
    [Alias("Reserve")]
    Task<SpendAdmission> ReserveAsync(SpendRequest request);

    /// <summary>Turns a reservation into the real cost; repeating it, or settling one that expired, never counts a cost twice.</summary>
    [Alias("Settle")]
    Task SettleAsync(SpendSettlement settlement);

    /// <summary>The month for <paramref name="caller"/>: the account's line, and their own member line; null when they are not of this account.</summary>
    [Alias("GetStatus")]
    Task<BudgetStatus?> GetStatusAsync(Principal caller);

    /// <summary>The organization's settings page; null for anyone but its owner (or an administrator).</summary>
    [Alias("GetSettings")]
    Task<BudgetSettings?> GetSettingsAsync(Principal caller);

    /// <summary>The current month day by day with the limit; null for anyone but the owner (or an administrator).</summary>
    [Alias("GetMonthSeries")]
    Task<MonthSpendSeries?> GetMonthSeriesAsync(Principal caller);

    /// <summary>Sets (or with null removes) the organization's monthly limit; lowering it below the spend stops questions at once.</summary>
    [Alias("SetMonthlyLimit")]
    Task<BudgetChange> SetMonthlyLimitAsync(Principal caller, decimal? limitUsd);

    /// <summary>Sets (or with null removes) one member's monthly limit; above the organization's it is accepted, and the organization's still binds.</summary>
    [Alias("SetMemberLimit")]
    Task<BudgetChange> SetMemberLimitAsync(Principal caller, long memberUserId, decimal? limitUsd);

    /// <summary>The zone (IANA id) the organization's months begin in.</summary>
    [Alias("SetTimeZone")]
    Task<BudgetChange> SetTimeZoneAsync(Principal caller, string timeZone);

    /// <summary>The model of each stage, each with a price in force; null keeps the installation's default.</summary>
    [Alias("SetModels")]
    Task<BudgetChange> SetModelsAsync(Principal caller, ChosenModels models);
}
