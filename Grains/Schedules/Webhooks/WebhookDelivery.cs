namespace OrleansAssistant.Grains.Schedules.Webhooks;

/// <summary>How posting a run's result ended: <see cref="Problem"/> says why it finally failed, for the run's Error.</summary>
public sealed record WebhookDelivery(bool Succeeded, int Attempts, string? Problem = null);
