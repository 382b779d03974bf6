using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>
/// An ask with a request id happens once: a gateway repeating it after a silo died gets the same
/// answer, the model is not called again and the ledger holds one conversation.
/// </summary>
[Collection(QuestionSiloCollection.Name)]
public sealed class UserGrainIdempotentAskTests(QuestionSiloFixture fixture)
{
    private static object Chat(string answer) => new { way = "Conversation", sql = (string?)null, answer };

    [Fact]
    public async Task SameRequestIdTwice_OneConversationRow_SameAnswer_ModelCalledOnce()
    {
        var asker = await Asker.NewAsync(fixture);
        var requestId = $"tg_{asker.UserId}_101";
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        fixture.Model.EnqueueJson(Chat("We have three customers."), 40, 10);
        var callsBefore = fixture.Model.Requests.Count;

        var first = await asker.User.AskAsync(asker.UserId, "How many customers?", null, requestId);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var again = await asker.User.AskAsync(asker.UserId, "How many customers?", null, requestId);

        Assert.Equal(QuestionOutcome.Answered, first.Outcome);
        Assert.Equal((first.Outcome, first.Text, first.Way, requestId), (again.Outcome, again.Text, again.Way, again.ConversationId));
        Assert.Equal((first.InputTokens, first.OutputTokens, first.TotalCost), (again.InputTokens, again.OutputTokens, again.TotalCost));
        Assert.Equal(1, fixture.Model.Requests.Count - callsBefore);
        Assert.Equal((1, 1), await RowsAsync(requestId));
    }

    [Fact]
    public async Task SameRequestIdTwice_TheStoredAnswerKeepsReasoningTokensAndTheirPrice()
    {
        var asker = await Asker.NewAsync(fixture);
        var requestId = $"tg_{asker.UserId}_102";
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        fixture.Model.Enqueue(ScriptedReply.Json(Chat("We have three customers."), 40, 10, reasoningTokens: 25));

        var first = await asker.User.AskAsync(asker.UserId, "How many customers?", null, requestId);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var again = await asker.User.AskAsync(asker.UserId, "How many customers?", null, requestId);

        var stage = Assert.Single(first.Usage);
        Assert.Equal(25, stage.ReasoningTokens);
        var stored = Assert.Single(again.Usage);
        Assert.Equal((stage.InputTokens, stage.OutputTokens, stage.ReasoningTokens, stage.PriceKnown), (stored.InputTokens, stored.OutputTokens, stored.ReasoningTokens, stored.PriceKnown));
        Assert.Equal(first.TotalCost, again.TotalCost);
    }

    [Fact]
    public async Task SameRequestIdWhileTheFirstRuns_WaitsForThatAnswer_InsteadOfStillWorking()
    {
        var asker = await Asker.NewAsync(fixture);
        var requestId = $"tg_{asker.UserId}_202";
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        fixture.Model.EnqueueDelay(TimeSpan.FromSeconds(1));
        fixture.Model.EnqueueJson(Chat("Ada is our best customer."), 40, 10);
        var callsBefore = fixture.Model.Requests.Count;

        var first = asker.User.AskAsync(asker.UserId, "Best customer?", null, requestId);
        await WaitForModelCallAsync(callsBefore);
        var again = await asker.User.AskAsync(asker.UserId, "Best customer?", null, requestId);

        Assert.Equal("Ada is our best customer.", again.Text);
        Assert.Equal(again.Text, (await first).Text);
        Assert.Equal(1, fixture.Model.Requests.Count - callsBefore);
        Assert.Equal((1, 1), await RowsAsync(requestId));
    }

    [Fact]
    public async Task RecordedByARacingAttemptFirst_ThePrimaryKeyKeepsOneRow_AndThatAnswerIsReturned()
    {
        var asker = await Asker.NewAsync(fixture);
        var requestId = $"tg_{asker.UserId}_303";
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        fixture.Model.EnqueueDelay(TimeSpan.FromSeconds(1));
        fixture.Model.EnqueueJson(Chat("An answer that loses the race."), 40, 10);
        var callsBefore = fixture.Model.Requests.Count;

        var asking = asker.User.AskAsync(asker.UserId, "Best customer?", null, requestId);
        await WaitForModelCallAsync(callsBefore);
        // Another attempt of the same request (a silo thought dead) records it while this one waits for the model.
        await RecordElsewhereAsync(asker, requestId, "The answer recorded first.");
        var answer = await asking;

        Assert.Equal((QuestionOutcome.Answered, "The answer recorded first.", requestId), (answer.Outcome, answer.Text, answer.ConversationId));
        Assert.Equal((1, 1), await RowsAsync(requestId));
    }

    [Fact]
    public async Task AnotherUsersRequestId_NeverShowsTheirAnswer_AndLeavesTheirRowAlone()
    {
        var owner = await Asker.NewAsync(fixture);
        var other = await Asker.NewAsync(fixture);
        var requestId = $"tg_{owner.UserId}_404";
        await RecordElsewhereAsync(owner, requestId, "Private to the owner.");
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        fixture.Model.EnqueueJson(Chat("Something else."), 40, 10);

        // The primary key refuses the second row, and the stored one is not this user's to read.
        await Assert.ThrowsAnyAsync<Exception>(() => other.User.AskAsync(other.UserId, "Best customer?", null, requestId));

        Assert.Equal((1, 1), await RowsAsync(requestId));
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("Private to the owner.", (await owner.User.AskAsync(owner.UserId, "Best customer?", null, requestId)).Text);
    }

    [Fact]
    public async Task SameRequestIdAgain_IsAnsweredByTheUserGrain_NotReadFromTheLedger()
    {
        var asker = await Asker.NewAsync(fixture);
        var requestId = $"tg_{asker.UserId}_505";
        var (first, callsBefore) = await AskFirstAsync(asker, requestId, "We have three customers.");
        // Were the repeat read from the ledger, it would show this text.
        await ExecuteAsync("UPDATE Conversations SET Answer = 'Changed in the ledger only.' WHERE ConversationId = $id", requestId);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var again = await asker.User.AskAsync(asker.UserId, "How many customers?", null, requestId);

        Assert.Equal(("We have three customers.", "We have three customers."), (first.Text, again.Text));
        Assert.Equal((first.TotalCost, requestId), (again.TotalCost, again.ConversationId));
        Assert.Equal(1, fixture.Model.Requests.Count - callsBefore);
    }

    [Fact]
    public async Task ANewRequestId_IsNotLookedUpInTheLedger_AndThePrimaryKeyStillKeepsOneAnswer()
    {
        var asker = await Asker.NewAsync(fixture);
        await AskFirstAsync(asker, $"tg_{asker.UserId}_601", "Hello.");
        var requestId = $"tg_{asker.UserId}_602";
        // Recorded behind the grain's back after it learnt its answered ids: only a read per ask could see it.
        await RecordElsewhereAsync(asker, requestId, "The answer recorded first.");
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        fixture.Model.EnqueueJson(Chat("An answer that loses to the recorded one."), 40, 10);
        var callsBefore = fixture.Model.Requests.Count;

        var answer = await asker.User.AskAsync(asker.UserId, "Best customer?", null, requestId);

        Assert.Equal(1, fixture.Model.Requests.Count - callsBefore);
        Assert.Equal((QuestionOutcome.Answered, "The answer recorded first."), (answer.Outcome, answer.Text));
        Assert.Equal((1, 1), await RowsAsync(requestId));
    }

    [Fact]
    public async Task SameRequestIdAfterTheUserGrainWasDeactivated_GetsTheRecordedAnswer_WithoutTheModel()
    {
        var asker = await Asker.NewAsync(fixture);
        var requestId = $"tg_{asker.UserId}_707";
        var (first, callsBefore) = await AskFirstAsync(asker, requestId, "We have three customers.");

        await GrainDeactivation.DeactivateAndWaitAsync(fixture.Grains, asker.User);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var again = await asker.User.AskAsync(asker.UserId, "How many customers?", null, requestId);

        Assert.Equal((first.Text, first.TotalCost, requestId), (again.Text, again.TotalCost, again.ConversationId));
        Assert.Equal(1, fixture.Model.Requests.Count - callsBefore);
        Assert.Equal((1, 1), await RowsAsync(requestId));
    }

    private async Task RecordElsewhereAsync(Asker asker, string conversationId, string text)
    {
        var now = fixture.Clock.GetUtcNow();
        var ledger = fixture.Silo.Services.GetRequiredService<ConversationLedger>();
        await ledger.RecordAsync(
            new ConversationRecord(conversationId, asker.UserId, asker.UserId, null, asker.DatabaseId, "Best customer?", "Conversation", "Answered", text, null, now, now, 5),
            [], new HistoryTurnRecord(asker.UserId, asker.UserId, conversationId, "Best customer?", text, null, null, "Conversation", now), CancellationToken.None);
    }

    private async Task WaitForModelCallAsync(int callsBefore)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (fixture.Model.Requests.Count == callsBefore)
        {
            Assert.True(DateTime.UtcNow < deadline, "the question never reached the model");
            await Task.Delay(20);
        }
    }

    /// <returns>The answer to a first ask under <paramref name="requestId"/>, and how many model calls there were before it.</returns>
    private async Task<(QuestionAnswer Answer, int ModelCallsBefore)> AskFirstAsync(Asker asker, string requestId, string reply)
    {
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        fixture.Model.EnqueueJson(Chat(reply), 40, 10);
        var callsBefore = fixture.Model.Requests.Count;
        return (await asker.User.AskAsync(asker.UserId, "How many customers?", null, requestId), callsBefore);
    }

    private async Task ExecuteAsync(string sql, string conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.DataDirectory, "app.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", conversationId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <returns>Conversation rows and history turns stored under <paramref name="conversationId"/>.</returns>
    private async Task<(long Conversations, long Turns)> RowsAsync(string conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.DataDirectory, "app.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM Conversations WHERE ConversationId = $id),
                   (SELECT COUNT(*) FROM ConversationTurns WHERE ConversationId = $id)
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
