using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Grains.Schedules.Delivery;

/// <summary>What one run has to deliver, the same to the chat, the e-mail and the webhook.</summary>
/// <param name="Rows">A report's rows, already capped at <c>MaxDeliveredRows</c> (Truncated says so); an alert's one cell.</param>
/// <param name="Text">A report's stage-2 sentence; empty for a template message and for alerts.</param>
public sealed record ScheduledResult(
    ScheduleDefinition Schedule,
    string RunId,
    DateTimeOffset DueAt,
    ScheduleNoticeKind Kind,
    QueryResult? Rows,
    string Text = "",
    decimal? Value = null);
