using OrleansAssistant.Grains.Users;

namespace OrleansAssistant.Grains.Questions;

/// <summary>Everything the pipeline needs about one question, gathered by the user grain.</summary>
public sealed record QuestionContext(
    long UserId,
    long ChatId,
    string? OrgId,
    string? OrgName,
    string DatabaseId,
    string Question,
    IReadOnlyList<ConversationTurn> Window);
