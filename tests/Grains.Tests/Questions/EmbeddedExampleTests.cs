using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.VerifiedQueries;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>
/// With <c>Model:EmbeddingModel</c> set: a verified question is stored with its embedding and model; a question that is no
/// repeat is embedded once, billed as a stage-1 "embedding" call before the stage-1 summary; a repeat is decided by its words and makes no embedding call.
/// </summary>
[Collection(EmbeddingSiloCollection.Name)]
public sealed class EmbeddedExampleTests(EmbeddingSiloFixture fixture)
{
    private const string OrderCountSql = "SELECT count(*) AS orders FROM orders";

    [Fact]
    public async Task AVerifiedQuestion_IsStoredWithItsEmbeddingAndModel()
    {
        var asker = await Asker.NewAsync(fixture);
        var library = await VerifiedLibrary.OfAsync(fixture.Grains, asker);
        var embeddingsBefore = fixture.Model.EmbeddingRequests.Count;

        var example = await library.VerifyAsync("How many orders are there?", OrderCountSql);

        Assert.Equal(embeddingsBefore + 1, fixture.Model.EmbeddingRequests.Count);
        var stored = (await fixture.Silo.Services.GetRequiredService<VerifiedExampleStore>().LoadExamplesAsync(asker.DatabaseId, CancellationToken.None))
            .Single(row => row.Example.ExampleId == example.ExampleId);
        Assert.Equal(EmbeddingSiloFixture.EmbeddingModel, stored.Embedding!.Model);
        Assert.NotEmpty(stored.Embedding.Vector);
    }

    [Fact]
    public async Task AQuestionThatIsNoRepeat_IsEmbeddedOnce_AndBilledBeforeTheSummary()
    {
        var asker = await Asker.NewAsync(fixture);
        var library = await VerifiedLibrary.OfAsync(fixture.Grains, asker);
        await library.VerifyAsync("How many orders are there?", OrderCountSql);
        var embeddingsBefore = fixture.Model.EmbeddingRequests.Count;
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = "SELECT count(*) AS orders FROM orders WHERE total > 10", answer = "Counting." }, 400, 20);
        fixture.Model.EnqueueText("There are 3 such orders.", 100, 10);

        var answer = await asker.User.AskAsync(asker.UserId, "How many orders above 10 are there?", null, $"tg_{asker.UserId}_1");

        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        Assert.Equal(embeddingsBefore + 1, fixture.Model.EmbeddingRequests.Count);
        var stages = await Asker.StagesAsync(fixture.DataDirectory, answer.ConversationId!);
        Assert.Equal((1, "embedding", EmbeddingSiloFixture.EmbeddingModel), (stages[0].Stage, stages[0].Name, stages[0].Model));
        Assert.True(stages[0].Input > 0);
        Assert.Equal(["embedding", "summary", "answer"], stages.Select(stage => stage.Name));
    }

    [Fact]
    public async Task ARepeat_IsDecidedByItsWords_WithoutAnEmbeddingCall()
    {
        var asker = await Asker.NewAsync(fixture);
        var library = await VerifiedLibrary.OfAsync(fixture.Grains, asker);
        await library.VerifyAsync("How many orders are there?", OrderCountSql);
        var embeddingsBefore = fixture.Model.EmbeddingRequests.Count;
        fixture.Model.EnqueueText("There are 4 orders.", 100, 10);

        var answer = await asker.User.AskAsync(asker.UserId, "how many orders are there", null, $"tg_{asker.UserId}_2");

        Assert.NotNull(answer.Verified);
        Assert.Equal(embeddingsBefore, fixture.Model.EmbeddingRequests.Count);
        Assert.DoesNotContain(answer.Usage, stage => stage.StageNumber == 1);
    }

    [Fact]
    public async Task AnEndpointThatCannotEmbed_LeavesTheExamplesRankedByWords_AndTheQuestionAnswered()
    {
        var asker = await Asker.NewAsync(fixture);
        var library = await VerifiedLibrary.OfAsync(fixture.Grains, asker);
        await library.VerifyAsync("How many orders are there?", OrderCountSql);
        fixture.Model.EnqueueEmbeddingError(400);
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = OrderCountSql, answer = "Counting." }, 400, 20);
        fixture.Model.EnqueueText("There are 4 orders.", 100, 10);
        var before = fixture.Model.Requests.Count;

        var answer = await asker.User.AskAsync(asker.UserId, "How many orders were there in total?", null, $"tg_{asker.UserId}_3");

        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        Assert.DoesNotContain(answer.Usage, stage => stage.StageName == "embedding");
        Assert.Contains("How many orders are there?", fixture.Model.Requests[before].Messages[0].Content, StringComparison.Ordinal);
    }
}
