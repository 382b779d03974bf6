namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>A question (or a scheduled run) asking to spend: who, for which conversation, and how much at most.</summary>
/// <param name="TimeZone">The asker's zone (IANA id): a personal account's month runs on it. Organizations keep their own.</param>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.SpendRequest")]
public sealed record SpendRequest(
    [property: Id(0)] long UserId,
    [property: Id(1)] string? OrgId,
    [property: Id(2)] string ConversationId,
    [property: Id(3)] SpendEstimate Estimate,
    [property: Id(4)] string? TimeZone = null);
