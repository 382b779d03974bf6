using OrleansAssistant.Grains.VerifiedQueries.Ranking;

namespace OrleansAssistant.Grains.Tests.VerifiedQueries;

public sealed partial class ExampleRetrievalTests
{
    private static ExampleIndex IndexWithVectors()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "Total sales in 2024", [1f, 0f, 0f]);
        index.Upsert(2, "Shipping delays by carrier", [0f, 1f, 0f]);
        index.Upsert(3, "Customer count by country", [0f, 0f, 1f]);
        return index;
    }

    [Fact]
    public void Search_WithVectors_QuestionSharingNoWordFoundByItsEmbedding()
    {
        var hits = IndexWithVectors().Search("How much did we sell last year?", [0.9f, 0.2f, 0.1f], 3);

        Assert.Equal([1L, 2L, 3L], hits.Select(hit => hit.ExampleId));
        Assert.Equal(0, hits[0].Similarity); // no shared word: never a repeat, however close the vectors
    }

    [Fact]
    public void Search_WithVectors_SimilarityStaysLexical()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "Total sales in 2023", [1f, 0f, 0f]);

        // Embeddings put 2023 and 2024 side by side; running 2023's SQL for 2024 would be wrong.
        var hit = Assert.Single(index.Search("Total sales in 2024", [1f, 0f, 0f], 3));

        Assert.InRange(hit.Similarity, 0.5, 0.9);
    }

    [Fact]
    public void Search_WithVectors_BothRankingsAgreeing_BeatsOneAlone()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "Shipping delays by carrier"); // words match best, verified before embeddings were on
        index.Upsert(2, "Late deliveries per courier", [1f, 0.1f, 0f]); // vector close, no shared word
        index.Upsert(3, "Shipping delays by warehouse", [0.9f, 0.3f, 0f]); // second in both rankings

        var hits = index.Search("shipping delays by carrier last month", [1f, 0f, 0f], 3);

        Assert.Equal(3, hits[0].ExampleId);
        Assert.Equal(3, hits.Count);
    }

    [Fact]
    public void Search_WithVectors_ExactRepeatStillFirst()
    {
        var hits = IndexWithVectors().Search("shipping delays by carrier?", [1f, 0f, 0f], 3);

        Assert.Equal(2, hits[0].ExampleId);
        Assert.Equal(1.0, hits[0].Similarity);
    }

    [Fact]
    public void Search_QuestionVectorOfAnotherLength_RanksByWordsAlone()
    {
        var index = ShopLibrary.Index();
        index.Upsert(21, "Sales by region", [1f, 0f, 0f]);
        var byWords = index.Search("sales by region", null, 5).Select(hit => hit.ExampleId);

        var hits = index.Search("sales by region", [1f, 0f, 0f, 0f], 5);

        Assert.Equal(byWords, hits.Select(hit => hit.ExampleId));
    }

    [Fact]
    public void Upsert_UnusableVector_IndexesTheWordsOnly()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "Total sales in 2024", [0f, 0f, 0f]);
        index.Upsert(2, "Shipping delays by carrier", [float.NaN, 1f, 0f]);
        index.Upsert(3, "Customer count by country", []);

        Assert.Equal(3, index.Count);
        Assert.Empty(index.Search("How much did we sell last year?", [1f, 0f, 0f], 3));
        Assert.Equal(2, index.Search("shipping delays", [1f, 0f, 0f], 3)[0].ExampleId);
    }

    [Fact]
    public void Upsert_VectorOfANewLength_LeavesOnlyTheNewModelsVectors()
    {
        var index = IndexWithVectors();

        index.Upsert(4, "Returns by reason", [0f, 0f, 0f, 1f]); // the embedding model changed

        // The old 3-long vectors no longer take part: a question with the new length finds only the new vector.
        var hits = index.Search("How much did we sell last year?", [0f, 0f, 0f, 1f], 3);
        Assert.Equal(4, Assert.Single(hits).ExampleId);
        Assert.Empty(index.Search("How much did we sell last year?", [1f, 0f, 0f], 3));
    }
}
