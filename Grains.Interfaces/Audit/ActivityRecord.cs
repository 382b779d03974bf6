namespace OrleansAssistant.Grains.Interfaces.Audit;

/// <summary>One row of the activity log as the dashboard shows it; <see cref="Details"/> is JSON or null.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ActivityRecord")]
public sealed record ActivityRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset OccurredAt,
    [property: Id(2)] long? UserId,
    [property: Id(3)] string Source,
    [property: Id(4)] string EventType,
    [property: Id(5)] string? TargetType,
    [property: Id(6)] string? TargetId,
    [property: Id(7)] string? Details);

/// <summary>Which rows of an organization's log to read: optional user and event type, a 1-based page.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ActivityQuery")]
public sealed record ActivityQuery(
    [property: Id(0)] long? UserId,
    [property: Id(1)] string? EventType,
    [property: Id(2)] int Page,
    [property: Id(3)] int PageSize);

/// <summary>One page of the log, newest first, with the number of rows matching the filter.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ActivityPage")]
public sealed record ActivityPage(
    [property: Id(0)] IReadOnlyList<ActivityRecord> Entries,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] long Total);
