using Orleans.Concurrency;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Reviews;

/// <summary>
/// The dashboard's review list of an organization's questions. Stateless, so the reads run on whichever silo is
/// asked and never queue behind one activation; the gateway has checked that the asker may review them.
/// </summary>
[StatelessWorker]
public sealed class OrganizationQuestionsGrain(ReviewedQuestionReader reader) : Grain, IOrganizationQuestionsGrain
{
    public Task<IReadOnlyList<ReviewedQuestion>> ListAsync(string orgId, QuestionFilter filter) =>
        reader.ListAsync(orgId, filter, CancellationToken.None);

    public Task<ReviewedQuestion?> FindAsync(string orgId, string conversationId) =>
        reader.FindAsync(orgId, conversationId, CancellationToken.None);
}
