namespace OrleansAssistant.Grains.Interfaces.Questions;

/// <summary>
/// An organization's recent questions for review on the dashboard, read from the ledger with their feedback.
/// The caller has already checked that the asker may review this organization's questions. Stateless: use key 0.
/// </summary>
[Alias("OrleansAssistant.IOrganizationQuestionsGrain")]
public interface IOrganizationQuestionsGrain : IGrainWithIntegerKey
{
    /// <summary>Newest first, at most <see cref="QuestionFilter.Limit"/> (capped at 500).</summary>
    [Alias("List")]
    Task<IReadOnlyList<ReviewedQuestion>> ListAsync(string orgId, QuestionFilter filter);

    /// <returns>Null when the organization has no such question.</returns>
    [Alias("Find")]
    Task<ReviewedQuestion?> FindAsync(string orgId, string conversationId);
}
