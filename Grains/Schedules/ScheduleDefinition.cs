using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Grains.Schedules;

/// <summary>
/// One row of <c>Schedules</c> as the grain holds it; the grain is its only writer. <see cref="WebhookSecret"/> is in clear
/// here (the row keeps it protected). <see cref="Crossed"/> and <see cref="LastValue"/> are an alert's memory between checks.
/// </summary>
public sealed record ScheduleDefinition(
    string ScheduleId,
    long OwnerUserId,
    string? OrgId,
    string DatabaseId,
    long ChatId,
    string SourceConversationId,
    string Title,
    string Sql,
    ScheduleKind Kind,
    ScheduleRhythm Rhythm,
    AlertRule? Alert,
    IReadOnlyList<string> EmailTo,
    string? WebhookUrl,
    string? WebhookSecret,
    ScheduleStatus Status,
    PauseReason PauseReason,
    DateTimeOffset? NextDueAt,
    DateTimeOffset CreatedAt,
    bool Crossed = false,
    decimal? LastValue = null)
{
    public ScheduleView ToView(ScheduleRunView? lastRun = null) => new(ScheduleId, OwnerUserId, OrgId, DatabaseId, ChatId, Title, Sql, Kind, Rhythm,
        Alert, EmailTo, WebhookUrl, Status, PauseReason, Status == ScheduleStatus.Active ? NextDueAt : null, CreatedAt, LastValue, Crossed, lastRun);
}
