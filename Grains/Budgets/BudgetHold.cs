namespace OrleansAssistant.Grains.Budgets;

/// <summary>A reservation a question holds on its budget until its cost is recorded; <see cref="BudgetGate.SettleAsync"/> ends it.</summary>
public sealed record BudgetHold(string BudgetKey, string ReservationId);
