namespace OrleansAssistant.Grains.Audit;

/// <summary>One row of the activity log: who did what to which thing. Details never hold secrets.</summary>
public sealed record ActivityEntry(
    string EventType,
    long? UserId,
    string? OrgId,
    string? TargetType = null,
    string? TargetId = null,
    IReadOnlyDictionary<string, object?>? Details = null);
