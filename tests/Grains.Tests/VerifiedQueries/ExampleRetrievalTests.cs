using OrleansAssistant.Grains.VerifiedQueries.Ranking;

namespace OrleansAssistant.Grains.Tests.VerifiedQueries;

/// <summary>The ranker that picks the verified examples stage 1 sees, on a shop database's library.</summary>
public sealed partial class ExampleRetrievalTests
{
    public static TheoryData<string, long> Pairs()
    {
        var data = new TheoryData<string, long>();
        foreach (var (question, right) in ShopLibrary.Pairs) data.Add(question, right);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Search_NewQuestion_TopHitIsItsOneRightExample(string question, long rightExample)
    {
        var hits = ShopLibrary.Index().Search(question, questionVector: null, count: 3);

        Assert.NotEmpty(hits);
        Assert.True(hits[0].ExampleId == rightExample, $"'{question}' ranked {Describe(hits)}; the right example is {rightExample}.");
    }

    [Theory]
    // 14 and 9 both share only "sales" and are equally long: the newer one first.
    [InlineData("total sales in 2023", new long[] { 1, 14, 9 })]
    // Average + order + per beat per alone.
    [InlineData("average order value per region", new long[] { 4, 13, 14 })]
    [InlineData("how many new customers signed up each month", new long[] { 7, 3, 19 })]
    [InlineData("regional revenue compared to last year", new long[] { 11, 6, 2 })]
    public void Search_TopThree_InOrderOfSharedWords(string question, long[] expected)
    {
        var hits = ShopLibrary.Index().Search(question, questionVector: null, count: 3);

        Assert.Equal(expected, hits.Select(hit => hit.ExampleId));
        Assert.True(hits[0].Score > hits[1].Score && hits[1].Score >= hits[2].Score, Describe(hits));
    }

    [Theory]
    [InlineData("How many orders were shipped in 2024?")]
    [InlineData("How many orders were shipped on 2024-03-01?")]
    [InlineData("How many orders were shipped on 03/01/2024?")]
    [InlineData("How many orders were shipped on 01.03.2024?")]
    [InlineData("How many orders were shipped in March 2024?")]
    public void Search_DateWrittenAnyWay_RanksTheExampleWithADateFirst(string question)
    {
        var index = new ExampleIndex();
        index.Upsert(1, "How many orders were shipped on 2023-11-05?");
        index.Upsert(2, "How many orders were shipped by each carrier?");

        var hits = index.Search(question, null, 2);

        Assert.Equal([1L, 2L], hits.Select(hit => hit.ExampleId));
        Assert.True(hits[0].Similarity < 1, "a different date is never the same question");
    }

    [Fact]
    public void Search_YearMasked_LastYearsExampleRanksFirstButIsNoRepeat()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "Total sales in 2023");
        index.Upsert(2, "Total sales by region");
        index.Upsert(3, "Sales by product category");

        var hits = index.Search("Total sales in 2024", null, 3);

        Assert.Equal([1L, 2L, 3L], hits.Select(hit => hit.ExampleId));
        Assert.InRange(hits[0].Similarity, 0.5, 0.9);
    }

    [Fact]
    public void Search_NumbersMasked_TopTenMatchesTopFive()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "top 10 products by revenue");
        index.Upsert(2, "products by revenue and category");

        var hits = index.Search("top 5 products by revenue", null, 2);

        Assert.Equal(1, hits[0].ExampleId);
    }

    private static string Describe(IReadOnlyList<RankedExample> hits) =>
        string.Join(", ", hits.Select(hit => $"#{hit.ExampleId} (score {hit.Score:0.00}, similarity {hit.Similarity:0.00})"));
}
