namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>Calls, tokens and money of one group of seeded rows.</summary>
public sealed record SeedSums(long Count, long InputTokens, long OutputTokens, decimal InputCost, decimal OutputCost)
{
    public decimal TotalCost => InputCost + OutputCost;
}

/// <summary>
/// What each cost view must say, computed from the seeded rows alone: an organization's questions that
/// started in [from, to), each with all its model calls wherever they fell.
/// </summary>
public sealed class CostLedgerSeedTotals(IEnumerable<SeedConversation> ledger, string orgId, DateTimeOffset from, DateTimeOffset to)
{
    private readonly IReadOnlyList<SeedConversation> _questions =
        [.. ledger.Where(c => c.OrgId == orgId && c.StartedAt >= from && c.StartedAt < to)];

    private IEnumerable<SeedStage> Calls => _questions.SelectMany(c => c.Stages);

    public int ActiveUsers => _questions.Select(c => c.UserId).Distinct().Count();

    public SeedSums Overall => Questions(_questions);

    public IReadOnlyDictionary<string, SeedSums> ByModel =>
        Calls.GroupBy(s => s.Model).ToDictionary(g => g.Key, Sum);

    public IReadOnlyDictionary<(int Number, string Name), SeedSums> ByStage =>
        Calls.GroupBy(s => (s.StageNumber, s.StageName)).ToDictionary(g => g.Key, Sum);

    public IReadOnlyDictionary<long, SeedSums> PerUser =>
        _questions.GroupBy(c => c.UserId).ToDictionary(g => g.Key, Questions);

    private static SeedSums Sum(IEnumerable<SeedStage> calls) => new(calls.Count(), calls.Sum(s => (long)s.InputTokens),
        calls.Sum(s => (long)s.OutputTokens), calls.Sum(s => s.InputCost), calls.Sum(s => s.OutputCost));

    private static SeedSums Questions(IEnumerable<SeedConversation> questions) => new(questions.Count(), questions.Sum(c => c.InputTokens),
        questions.Sum(c => c.OutputTokens), questions.Sum(c => c.InputCost), questions.Sum(c => c.OutputCost));
}
