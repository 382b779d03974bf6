namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>
/// A new schedule or alert made from an answer: the answer's SQL (read from the ledger by <see cref="ConversationId"/>),
/// run on <see cref="Rhythm"/> and sent to <see cref="ChatId"/>, and optionally e-mailed and posted to a webhook.
/// </summary>
/// <param name="Alert">Required for <see cref="ScheduleKind.Alert"/>, ignored for reports.</param>
/// <param name="EmailTo">Extra recipients (checked like an e-mail draft's); empty for chat only.</param>
/// <param name="WebhookUrl">An https URL to POST each result to (JSON, signed), or null.</param>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ScheduleRequest")]
public sealed record ScheduleRequest(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] long ChatId,
    [property: Id(2)] ScheduleKind Kind,
    [property: Id(3)] ScheduleRhythm Rhythm,
    [property: Id(4)] AlertRule? Alert = null,
    [property: Id(5)] IReadOnlyList<string>? EmailTo = null,
    [property: Id(6)] string? WebhookUrl = null);
