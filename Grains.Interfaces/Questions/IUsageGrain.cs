namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>Reads of the cost ledger for the gateways (a person's own usage and history). Stateless: use key 0.</summary>
[Alias("OrleansAssistant.IUsageGrain")]
public interface IUsageGrain : IGrainWithIntegerKey
{
    /// <summary>The user's own questions, tokens and cost over [from, to).</summary>
    [Alias("ForUser")]
    Task<UsageReport> ForUserAsync(long userId, DateTimeOffset from, DateTimeOffset to);

    /// <summary>The user's last questions, newest first (at most 50).</summary>
    [Alias("History")]
    Task<IReadOnlyList<HistoryEntry>> HistoryAsync(long userId, int count);
}
