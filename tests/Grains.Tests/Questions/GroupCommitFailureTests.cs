using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>
/// Questions whose rows share one group commit share its fate: when PostgreSQL refuses the batch at commit, every question in
/// it fails, none is kept as answered anywhere a person could see it, and the questions after it are answered as usual.
/// </summary>
[Collection(PostgreSqlQuestionSiloCollection.Name)]
public sealed class GroupCommitFailureTests(PostgreSqlQuestionSiloFixture fixture)
{
    private const string RefusedQuestion = "refused at commit";
    private const string LostAnswer = "An answer lost with its batch.";
    private const int RefusedAsker = 1;

    /// <summary>A check PostgreSQL makes at commit only: no savepoint can set the refused question apart, the whole batch fails.</summary>
    private const string RefuseAtCommit = """
        CREATE OR REPLACE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.Question = 'refused at commit' THEN RAISE EXCEPTION 'refused at commit'; END IF;
            RETURN NULL;
        END $$;
        DROP TRIGGER IF EXISTS refuse_at_commit ON Conversations;
        CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON Conversations
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit();
        """;

    private static object Chat(string answer) => new { way = "Conversation", sql = (string?)null, answer };

    [Fact]
    public async Task BatchRefusedAtCommit_FailsEveryQuestionInIt_NoneRecordedOrRemembered_TheNextAreAnswered()
    {
        var (askers, requestIds, failures) = await AskIntoARefusedBatchAsync();

        Assert.All(failures, failure => Assert.Contains(RefusedQuestion, failure?.ToString() ?? "answered", StringComparison.Ordinal));
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM Conversations WHERE ConversationId = ANY(@ids)", requestIds));
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM ConversationStages WHERE ConversationId = ANY(@ids)", requestIds));
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM ConversationTurns WHERE ConversationId = ANY(@ids)", requestIds));
        Assert.Equal(0, await fixture.CountAsync("SELECT COUNT(*) FROM ActivityLog WHERE TargetId = ANY(@ids)", requestIds));

        var modelCallsBefore = fixture.Model.Requests.Count;
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        foreach (var _ in askers) fixture.Model.EnqueueJson(Chat("We have three customers."), 40, 10);
        var nextIds = askers.Select(asker => $"tg_{asker.UserId}_2").ToArray();
        var next = await Task.WhenAll(askers.Select((asker, index) => asker.User.AskAsync(asker.UserId, "And how many orders?", null, nextIds[index])));

        Assert.All(next, answer => Assert.Equal((QuestionOutcome.Answered, "We have three customers."), (answer.Outcome, answer.Text)));
        Assert.Equal(nextIds.Length, await fixture.CountAsync("SELECT COUNT(*) FROM ConversationTurns WHERE ConversationId = ANY(@ids)", nextIds));
        // The conversation window the next questions were asked in holds nothing of the failed ones.
        var laterPrompts = fixture.Model.Requests.Skip(modelCallsBefore).Select(request => request.Body.RootElement.GetRawText()).ToArray();
        Assert.Equal(askers.Length, laterPrompts.Length);
        Assert.All(laterPrompts, prompt => Assert.DoesNotContain(LostAnswer, prompt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedRequestAskedAgain_IsAnsweredAfresh_NotFromARememberedAnswer()
    {
        var (askers, requestIds, failures) = await AskIntoARefusedBatchAsync();
        Assert.All(failures, failure => Assert.NotNull(failure));

        // The gateway repeats each failed request: the model runs again for it, and this time the answer is recorded.
        var modelCallsBefore = fixture.Model.Requests.Count;
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var repeating = askers.Where((_, index) => index != RefusedAsker).ToArray();
        foreach (var _ in repeating) fixture.Model.EnqueueJson(Chat("Ada is our best customer."), 40, 10);
        var again = await Task.WhenAll(repeating.Select(asker => asker.User.AskAsync(asker.UserId, "Best customer?", null, $"tg_{asker.UserId}_1")));

        Assert.All(again, answer => Assert.Equal((QuestionOutcome.Answered, "Ada is our best customer."), (answer.Outcome, answer.Text)));
        Assert.Equal(repeating.Length, fixture.Model.Requests.Count - modelCallsBefore);
        Assert.Equal(repeating.Length, await fixture.CountAsync("SELECT COUNT(*) FROM Conversations WHERE ConversationId = ANY(@ids)", requestIds));
    }

    /// <summary>
    /// New askers each ask one question at the same time, so their rows make one batch; the question of
    /// <see cref="RefusedAsker"/> is the one PostgreSQL refuses, the others are plain questions caught in the same batch.
    /// </summary>
    /// <returns>The askers, their request ids, and how each ask failed (null for one that was answered).</returns>
    private async Task<(Asker[] Askers, string[] RequestIds, Exception?[] Failures)> AskIntoARefusedBatchAsync()
    {
        await fixture.ExecuteAsync(RefuseAtCommit);
        var askers = await Task.WhenAll(Enumerable.Range(0, PostgreSqlQuestionSiloFixture.QuestionsPerBatch).Select(_ => Asker.NewAsync(fixture)));
        var requestIds = askers.Select(asker => $"tg_{asker.UserId}_1").ToArray();
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        foreach (var _ in askers) fixture.Model.EnqueueJson(Chat(LostAnswer), 40, 10);
        var failures = await Task.WhenAll(askers.Select((asker, index) => FailureOf(asker.User.AskAsync(asker.UserId,
            index == RefusedAsker ? RefusedQuestion : "Best customer?", null, requestIds[index]))));
        return (askers, requestIds, failures);
    }

    private static async Task<Exception?> FailureOf(Task<QuestionAnswer> asking)
    {
        try
        {
            await asking;
            return null;
        }
        catch (Exception failure)
        {
            return failure;
        }
    }
}
