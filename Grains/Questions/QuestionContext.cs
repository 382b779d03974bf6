using OrleansAssistant.Grains.Users;

namespace OrleansAssistant.Grains.Questions;

/// <summary>Everything the pipeline needs about one question, gathered by the user grain.</summary>
/// <param name="ConversationId">Names the budget's reservation; null makes one up.</param>
/// <param name="TimeZone">The asker's zone: a personal budget's month runs on it.</param>
public sealed record QuestionContext(
    long UserId,
    long ChatId,
    string? OrgId,
    string? OrgName,
    string DatabaseId,
    string Question,
    IReadOnlyList<ConversationTurn> Window,
    string? ConversationId = null,
    string? TimeZone = null);
