using OrleansAssistant.Grains.VerifiedQueries.Ranking;

namespace OrleansAssistant.Grains.Tests.VerifiedQueries;

public sealed partial class ExampleRetrievalTests
{
    [Fact]
    public void Upsert_SameId_ReplacesTheQuestion()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "Total sales in 2024");

        index.Upsert(1, "Shipping delays by carrier");

        Assert.Equal(1, index.Count);
        Assert.Empty(index.Search("Total sales in 2024", null, 3));
        Assert.Equal(1.0, Assert.Single(index.Search("shipping delays by carrier", null, 3)).Similarity);
    }

    [Fact]
    public void Remove_KnownId_RemovesItAndOnlyIt()
    {
        var index = ShopLibrary.Index();

        Assert.True(index.Remove(1));

        Assert.Equal(19, index.Count);
        Assert.DoesNotContain(index.Search("total sales in 2024", null, 20), hit => hit.ExampleId == 1);
        Assert.Equal(9, index.Search("sales by product category", null, 1)[0].ExampleId);
    }

    [Fact]
    public void Remove_UnknownOrRemovedId_ReturnsFalseAndChangesNothing()
    {
        var index = ShopLibrary.Index();
        index.Remove(1);
        var before = index.Search("sales per employee", null, 5);

        Assert.False(index.Remove(1));
        Assert.False(index.Remove(999));

        Assert.Equal(19, index.Count);
        Assert.Equal(before, index.Search("sales per employee", null, 5));
    }

    [Fact]
    public void Search_AfterManyUpsertsAndRemovals_RanksExactlyLikeAFreshIndex()
    {
        var random = new Random(14);
        var churned = new ExampleIndex();
        var kept = new Dictionary<long, string>();
        for (var round = 0; round < 2_000; round++)
        {
            var id = random.Next(1, 300);
            if (random.Next(3) == 0)
            {
                churned.Remove(id);
                kept.Remove(id);
            }
            else
            {
                var (_, question) = ShopLibrary.Examples[random.Next(ShopLibrary.Examples.Length)];
                var variant = $"{question} {random.Next(2020, 2026)}";
                churned.Upsert(id, variant);
                kept[id] = variant;
            }
        }
        var fresh = new ExampleIndex();
        foreach (var (id, question) in kept) fresh.Upsert(id, question);

        Assert.Equal(fresh.Count, churned.Count);
        foreach (var (question, _) in ShopLibrary.Pairs)
        {
            Assert.Equal(fresh.Search(question, null, 10), churned.Search(question, null, 10));
        }
    }

    [Fact]
    public void Search_EqualScores_NewerExampleFirst()
    {
        var index = new ExampleIndex();
        index.Upsert(5, "Sales by region");
        index.Upsert(9, "Sales by region");
        index.Upsert(7, "Sales by region");

        var hits = index.Search("sales by region", null, 3);

        Assert.Equal([9L, 7L, 5L], hits.Select(hit => hit.ExampleId));
        Assert.All(hits, hit => Assert.Equal(1.0, hit.Similarity));
    }

    [Fact]
    public void Search_ExactRepeat_ComesFirstEvenWhenAnotherExampleScoresHigher()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "What is this?");
        index.Upsert(2, "Orders orders orders");

        var hits = index.Search("what is this", null, 3);

        Assert.Equal(1, Assert.Single(hits).ExampleId);
        Assert.Equal(1.0, hits[0].Similarity);
    }

    [Fact]
    public void Search_EmptyIndex_FindsNothing()
    {
        var index = new ExampleIndex();

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Search("total sales in 2024", null, 3));
        Assert.Empty(index.Search("total sales in 2024", [0.5f, 0.5f], 3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Search_CountBelowOne_FindsNothing(int count) =>
        Assert.Empty(ShopLibrary.Index().Search("total sales in 2024", null, count));

    [Fact]
    public void Search_CountAboveMatches_ReturnsOnlyTheMatches()
    {
        var hits = ShopLibrary.Index().Search("shipping delays", null, 50);

        Assert.Equal(15, Assert.Single(hits).ExampleId);
    }

    [Fact]
    public void Search_OneExample_FoundByARelatedQuestionOnly()
    {
        var index = new ExampleIndex();
        index.Upsert(42, "Average order value by region");

        Assert.Equal(42, Assert.Single(index.Search("order value in each region", null, 3)).ExampleId);
        Assert.Empty(index.Search("shipping delays by carrier", null, 3));
    }
}
