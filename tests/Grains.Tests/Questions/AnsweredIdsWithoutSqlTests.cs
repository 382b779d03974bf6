using System.Text.RegularExpressions;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Tests.Cluster;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>
/// A user grain knows which request ids it answered: asking with new ids reads the answered questions once per activation,
/// not once per ask, counted in the statements the driver really sends to the app database.
/// </summary>
[Collection(PostgreSqlQuestionSiloCollection.Name)]
public sealed partial class AnsweredIdsWithoutSqlTests(PostgreSqlQuestionSiloFixture fixture)
{
    private const int Rounds = 5;

    private static object Chat(string answer) => new { way = "Conversation", sql = (string?)null, answer };

    [Fact]
    public async Task ManyAsksWithNewIds_ReadTheAnsweredQuestionsOnlyOnTheFirstAskOfAnActivation()
    {
        var askers = await Task.WhenAll(Enumerable.Range(0, PostgreSqlQuestionSiloFixture.QuestionsPerBatch).Select(_ => Asker.NewAsync(fixture)));

        var firstActivation = await AskRoundsAsync(askers, 1);
        foreach (var asker in askers) await GrainDeactivation.DeactivateAndWaitAsync(fixture.Grains, asker.User);
        var secondActivation = await AskRoundsAsync(askers, Rounds + 1);

        // The first round of each activation loads what it needs (at most the answered ids and the window, per asker);
        // every later round reads nothing of the answered questions.
        foreach (var reads in new[] { firstActivation, secondActivation })
        {
            Assert.InRange(reads[0], askers.Length, 2 * askers.Length);
            Assert.All(reads.Skip(1), later => Assert.Equal(0, later));
        }
        Assert.Equal(2 * Rounds * askers.Length, await fixture.CountAsync("SELECT COUNT(*) FROM Conversations WHERE ConversationId LIKE ANY(@ids)",
            askers.Select(asker => $"tg_{asker.UserId}_%").ToArray()));
    }

    [Fact]
    public async Task SameRequestIdAfterDeactivation_GetsTheRecordedAnswer_WithoutTheModel_AndWithOneRead()
    {
        var askers = await Task.WhenAll(Enumerable.Range(0, PostgreSqlQuestionSiloFixture.QuestionsPerBatch).Select(_ => Asker.NewAsync(fixture)));
        await AskRoundsAsync(askers, 1);
        foreach (var asker in askers) await GrainDeactivation.DeactivateAndWaitAsync(fixture.Grains, asker.User);
        var modelCallsBefore = fixture.Model.Requests.Count;
        var before = fixture.Statements.All.Count;

        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var again = await Task.WhenAll(askers.Select(asker => asker.User.AskAsync(asker.UserId, "Question 1?", null, $"tg_{asker.UserId}_1")));

        Assert.All(again, answer => Assert.Equal((QuestionOutcome.Answered, "Answer 1."), (answer.Outcome, answer.Text)));
        Assert.Equal(0, fixture.Model.Requests.Count - modelCallsBefore);
        Assert.InRange(ConversationReads(fixture.Statements.All.Skip(before)), askers.Length, 2 * askers.Length);
    }

    /// <summary>Rounds of questions under new request ids, every asker once per round, all at the same time.</summary>
    /// <returns>Per round, the statements that read the <c>Conversations</c> table.</returns>
    private async Task<int[]> AskRoundsAsync(IReadOnlyList<Asker> askers, int firstRound)
    {
        var reads = new List<int>();
        for (var round = firstRound; round < firstRound + Rounds; round++)
        {
            var before = fixture.Statements.All.Count;
            fixture.Clock.Advance(TimeSpan.FromSeconds(2));
            foreach (var _ in askers) fixture.Model.EnqueueJson(Chat($"Answer {round}."), 40, 10);
            var question = $"Question {round}?";
            var requestOf = round;
            var answers = await Task.WhenAll(askers.Select(asker => asker.User.AskAsync(asker.UserId, question, null, $"tg_{asker.UserId}_{requestOf}")));
            Assert.All(answers, answer => Assert.Equal((QuestionOutcome.Answered, $"Answer {requestOf}."), (answer.Outcome, answer.Text)));
            reads.Add(ConversationReads(fixture.Statements.All.Skip(before)));
        }
        return [.. reads];
    }

    /// <summary>Statements reading the answered questions (the <c>Conversations</c> table), alone or joined.</summary>
    private static int ConversationReads(IEnumerable<string> statements) => statements.Count(statement => ReadsConversations().IsMatch(statement));

    [GeneratedRegex(@"^\s*SELECT\b[\s\S]*\b(FROM|JOIN)\s+Conversations\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadsConversations();
}
