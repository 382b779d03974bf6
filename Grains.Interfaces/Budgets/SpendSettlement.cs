namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>
/// What a reserved question really cost, sent after its conversation is in the cost ledger (or with no
/// <paramref name="CompletedAt"/> when nothing was recorded): the reservation becomes the real cost.
/// </summary>
/// <param name="StartedAt">Decides the month the cost belongs to, as in the ledger.</param>
/// <param name="CompletedAt">The conversation's <c>CompletedAt</c> in the ledger; null when no row was written.</param>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.SpendSettlement")]
public sealed record SpendSettlement(
    [property: Id(0)] string ReservationId,
    [property: Id(1)] string ConversationId,
    [property: Id(2)] long UserId,
    [property: Id(3)] decimal ActualUsd,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset? CompletedAt);
