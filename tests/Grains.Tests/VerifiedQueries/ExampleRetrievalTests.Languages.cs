using OrleansAssistant.Grains.VerifiedQueries.Ranking;

namespace OrleansAssistant.Grains.Tests.VerifiedQueries;

public sealed partial class ExampleRetrievalTests
{
    [Fact]
    public void Search_Cyrillic_FindsTheRightExampleWithTheYearMasked()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "Продажи по регионам за 2023 год");
        index.Upsert(2, "Заказы клиентов за прошлый месяц");
        index.Upsert(3, "Средний чек по регионам");

        var hits = index.Search("Продажи по регионам за 2024 год", null, 3);

        Assert.Equal(1, hits[0].ExampleId);
        Assert.Equal(3, hits[1].ExampleId);
        Assert.InRange(hits[0].Similarity, 0.5, 0.99);
        Assert.Equal(1.0, index.Search("продажи по регионам, за 2023 год!", null, 1)[0].Similarity);
    }

    [Fact]
    public void Search_AccentsTypedOrNot_FindTheSameExample()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "Ventes par région en 2024");
        index.Upsert(2, "Commandes annulées cette semaine");

        Assert.Equal(1, index.Search("ventes par region", null, 1)[0].ExampleId);
        Assert.Equal(2, index.Search("COMMANDES ANNULEES", null, 1)[0].ExampleId);
        // The same accent typed as a letter plus a combining mark is the same question.
        Assert.Equal(1.0, index.Search("Commandes annule\u0301es cette semaine", null, 1)[0].Similarity);
    }

    [Fact]
    public void Search_OnlyStopWordsOrSymbols_FindsNothing()
    {
        var index = ShopLibrary.Index();

        Assert.Empty(index.Search("what is the", null, 3));
        Assert.Empty(index.Search("?!… 🙂", null, 3));
    }

    [Fact]
    public void Search_OnlyAYear_FindsTheExampleWithAYear()
    {
        var hits = ShopLibrary.Index().Search("2024", null, 3);

        Assert.Equal(1, Assert.Single(hits).ExampleId);
        Assert.True(hits[0].Similarity < 1);
    }

    [Fact]
    public void Search_OnlyANumber_FindsExamplesWithNumbers()
    {
        var hits = ShopLibrary.Index().Search("250", null, 10);

        Assert.Equal([2L, 6L, 12L, 18L, 20L], hits.Select(hit => hit.ExampleId).Order());
    }

    [Fact]
    public void Search_Plurals_FoldToTheSingularButSalesStaysSales()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "sales by month");
        index.Upsert(2, "sale items on discount");
        index.Upsert(3, "customer count by product category");

        Assert.Equal(1, Assert.Single(index.Search("sales", null, 3)).ExampleId);
        Assert.Equal(2, Assert.Single(index.Search("sale", null, 3)).ExampleId);
        Assert.Equal(3, Assert.Single(index.Search("customers", null, 3)).ExampleId);
        Assert.Equal(3, Assert.Single(index.Search("categories", null, 3)).ExampleId);
    }

    [Fact]
    public void Search_CamelAndSnakeCaseNames_MatchTheirWords()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "unit price by product category");
        index.Upsert(2, "orders by status");

        Assert.Equal(1, index.Search("unitPrice per product_category", null, 1)[0].ExampleId);
        Assert.Equal(2, index.Search("ORDERS by ORDER_STATUS", null, 1)[0].ExampleId);
    }
}
