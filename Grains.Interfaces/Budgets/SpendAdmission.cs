namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>
/// The budget's answer to a <see cref="SpendRequest"/>: either a reservation to settle once the cost is recorded, or a
/// refusal. Either way, the models the question's stages use.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.SpendAdmission")]
public sealed record SpendAdmission(
    [property: Id(0)] StageModels Models,
    [property: Id(1)] string? ReservationId,
    [property: Id(2)] decimal ReservedUsd,
    [property: Id(3)] BudgetRefusal? Refusal)
{
    public bool Admitted => Refusal is null;

    public static SpendAdmission Granted(StageModels models, string reservationId, decimal reservedUsd) => new(models, reservationId, reservedUsd, null);

    public static SpendAdmission Refused(StageModels models, BudgetRefusal refusal) => new(models, null, 0, refusal);
}
