namespace OrleansAssistant.Grains.Budgets;

/// <summary>
/// What a budget grain keeps across activations: the owner's settings and which notices were written. The spend itself is
/// not kept here: the cost ledger holds it, and the grain reads it back.
/// </summary>
[GenerateSerializer, Alias("OrleansAssistant.BudgetState")]
public sealed class BudgetState
{
    /// <summary>The organization's monthly limit in USD; null: none.</summary>
    [Id(0)] public decimal? MonthlyLimitUsd { get; set; }

    /// <summary>The zone months begin in (IANA id): the organization's setting, or a personal account's last known zone; null: UTC.</summary>
    [Id(1)] public string? TimeZone { get; set; }

    [Id(2)] public Dictionary<long, decimal> MemberLimits { get; set; } = [];

    [Id(3)] public string? SummaryModel { get; set; }

    [Id(4)] public string? AnswerModel { get; set; }

    [Id(5)] public string? EmailModel { get; set; }

    /// <summary>Once-keys of the notices written, so each occasion costs one insert at most; the table's unique key has the last word.</summary>
    [Id(6)] public HashSet<string> Told { get; set; } = new(StringComparer.Ordinal);
}
