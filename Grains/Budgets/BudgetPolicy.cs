namespace OrleansAssistant.Grains.Budgets;

/// <summary>
/// The operator's budget settings (<c>Budgets:*</c>) and the rules every budget grain applies: when to warn, how long a
/// reservation lives, how often the month is read back from the ledger, and how pessimistic an estimate is.
/// </summary>
public sealed record BudgetPolicy
{
    public static readonly BudgetPolicy Default = new();

    /// <summary><c>Budgets:PersonalMonthlyUsd</c>: the monthly budget of each person in no organization; null (the default) sets none.</summary>
    public decimal? PersonalMonthlyUsd { get; init; }

    /// <summary><c>Budgets:InstallationDailyUsd</c>: the most all accounts together may spend in a UTC day; null (the default) sets none.</summary>
    public decimal? InstallationDailyUsd { get; init; }

    /// <summary>The share of a budget at which its owner is told, once per month.</summary>
    public decimal WarnAtShare { get; init; } = 0.8m;

    /// <summary>
    /// <c>Budgets:ReservationMinutes</c>: how long a reservation holds when its question never settles (its silo died). Longer than a
    /// question can take: every model call at its limit and the query's 30 s.
    /// </summary>
    public TimeSpan ReservationLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a budget grain reads its period back from the cost ledger, which is the record it keeps in step with.</summary>
    public TimeSpan ReconcileEvery { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Ledger rows completed in this last stretch before a read are left to their settlements: a question's row may be written
    /// a moment before its settlement arrives, and counting both would count it twice.
    /// </summary>
    public TimeSpan SettleLag { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a window's last read holds. The first read leaves its last <see cref="SettleLag"/> to settlements, and those sent
    /// to an earlier activation (its silo died) never arrive: a second read once that stretch is past the lag counts them.
    /// </summary>
    public TimeSpan ReadAgainAfter(SpendWindow window) => window.Reads <= 1 ? SettleLag : ReconcileEvery;

    /// <summary>Prompts are counted with o200k, a public stand-in for the model's own tokenizer, which may count more; a prompt's count is raised by this.</summary>
    public decimal EstimateMargin { get; init; } = 1.5m;

    /// <summary>Stage 1's output per call, reasoning included (a summary is tens of tokens; low thinking a few hundred).</summary>
    public int SummaryOutputTokens { get; init; } = 800;

    /// <summary>Stage 2's prompt: the answer template and up to 100 rows.</summary>
    public int AnswerInputTokens { get; init; } = 4_000;

    /// <summary>Stage 2's output: a few sentences, and its low thinking.</summary>
    public int AnswerOutputTokens { get; init; } = 600;
}
