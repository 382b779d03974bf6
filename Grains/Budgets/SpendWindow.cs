using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>
/// One budget's period in memory: what each person spent (read from the ledger, plus settlements since), and the reservations of
/// questions running now. The ledger is the record: a read (<see cref="Load"/>) counts every row completed before its cutoff,
/// and settlements count only costs completed after it, so a cost is never counted twice; a reservation whose question never
/// settles (its silo died) lapses, and the next read finds the cost if it was recorded.
/// </summary>
public sealed class SpendWindow(SpendPeriod period)
{
    private readonly Dictionary<long, decimal> _spentByUser = [];
    private readonly Dictionary<string, Reservation> _reservations = new(StringComparer.Ordinal);
    // Settled costs completed at or after the cutoff, by conversation: they are not in the last read, and a repeated settlement is ignored.
    private readonly Dictionary<string, Settled> _settledSinceCutoff = new(StringComparer.Ordinal);

    public SpendPeriod Period { get; } = period;

    /// <summary>Ledger rows completed before this instant were counted by the last read.</summary>
    public DateTimeOffset Cutoff { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>When the ledger was last read; null before the first read.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>
    /// How many times the ledger was read into this window. After the first, costs completed in the settle lag before it are
    /// counted by no one when their settlements went to an earlier activation (its silo died): only a second read finds them.
    /// </summary>
    public int Reads { get; private set; }

    public decimal Spent => _spentByUser.Values.Sum();

    public decimal Reserved => _reservations.Values.Sum(reservation => reservation.Usd);

    public decimal SpentBy(long userId) => _spentByUser.GetValueOrDefault(userId);

    public decimal ReservedBy(long userId) => _reservations.Values.Where(reservation => reservation.UserId == userId).Sum(reservation => reservation.Usd);

    /// <summary>Spent plus reserved: what a new question is admitted against.</summary>
    public decimal Committed => Spent + Reserved;

    public decimal CommittedBy(long userId) => SpentBy(userId) + ReservedBy(userId);

    public IReadOnlyDictionary<long, decimal> SpentByUser => _spentByUser;

    /// <summary>Takes a ledger read: <paramref name="ledgerSpent"/> holds the period's costs completed before <paramref name="cutoff"/>.</summary>
    public void Load(IReadOnlyDictionary<long, decimal> ledgerSpent, DateTimeOffset cutoff, DateTimeOffset readAt)
    {
        _spentByUser.Clear();
        foreach (var (userId, usd) in ledgerSpent) _spentByUser[userId] = usd;
        foreach (var (conversationId, settled) in _settledSinceCutoff.ToArray())
        {
            if (settled.CompletedAt < cutoff) _settledSinceCutoff.Remove(conversationId);
            else Add(settled.UserId, settled.Usd);
        }
        Cutoff = cutoff;
        ReadAt = readAt;
        Reads++;
    }

    public void Reserve(string reservationId, long userId, decimal usd, DateTimeOffset expiresAt) =>
        _reservations[reservationId] = new Reservation(userId, usd, expiresAt);

    /// <summary>Ends the reservation and counts the real cost unless the last read counted it already.</summary>
    /// <returns>Whether the cost was added now.</returns>
    public bool Settle(SpendSettlement settlement)
    {
        _reservations.Remove(settlement.ReservationId);
        if (settlement.CompletedAt is not { } completedAt || settlement.ActualUsd == 0) return false;
        if (!Period.Contains(settlement.StartedAt) || completedAt < Cutoff) return false;
        if (!_settledSinceCutoff.TryAdd(settlement.ConversationId, new Settled(settlement.UserId, settlement.ActualUsd, completedAt))) return false;
        Add(settlement.UserId, settlement.ActualUsd);
        return true;
    }

    /// <summary>Drops reservations past their time.</summary>
    /// <returns>Whether any lapsed: their costs, if recorded, are only found by reading the ledger again.</returns>
    public bool DropLapsed(DateTimeOffset now)
    {
        var lapsed = _reservations.Where(pair => pair.Value.ExpiresAt <= now).Select(pair => pair.Key).ToArray();
        foreach (var id in lapsed) _reservations.Remove(id);
        return lapsed.Length > 0;
    }

    private void Add(long userId, decimal usd) => _spentByUser[userId] = _spentByUser.GetValueOrDefault(userId) + usd;

    private sealed record Reservation(long UserId, decimal Usd, DateTimeOffset ExpiresAt);

    private sealed record Settled(long UserId, decimal Usd, DateTimeOffset CompletedAt);
}
