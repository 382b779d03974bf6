using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Users;

namespace OrleansAssistant.Grains.Questions;

/// <summary>Everything the pipeline needs about one question, gathered by the user grain.</summary>
/// <param name="ConversationId">Names the budget's reservation; null makes one up.</param>
/// <param name="TimeZone">The asker's zone: a personal budget's month runs on it.</param>
/// <param name="Asker">
/// The asker's principal as the user grain's state says at the moment of the call: passed with every database call, so the
/// database grain need not call back, and read afresh each time, so a removal mid-question stops its next query.
/// </param>
public sealed record QuestionContext(
    long UserId,
    long ChatId,
    string? OrgId,
    string? OrgName,
    string DatabaseId,
    string Question,
    IReadOnlyList<ConversationTurn> Window,
    Func<Principal?> Asker,
    string? ConversationId = null,
    string? TimeZone = null)
{
    /// <summary>The asker now, for the access check of the next database call.</summary>
    public Principal? CurrentAsker() => Asker();
}
