using OrleansAssistant.Grains.VerifiedQueries.Ranking;

namespace OrleansAssistant.Grains.Tests.VerifiedQueries;

public sealed partial class ExampleRetrievalTests
{
    [Theory]
    [InlineData("Total sales in 2024?", "total  sales in 2024")]
    [InlineData("TOTAL SALES IN 2024.", "total sales in 2024")]
    [InlineData("Total sales, in 2024!", "total sales in 2024")]
    [InlineData("\u00A0total\tsales\nin 2024 ", "total sales in 2024")]
    [InlineData("Ｔｏｔａｌ sales in ２０２４", "total sales in 2024")]
    [InlineData("Customer's café orders", "customers cafe\u0301 orders")]
    [InlineData("ﬁled orders", "filed orders")]
    public void RepeatKey_SameQuestionWrittenDifferently_IsEqual(string written, string other) =>
        Assert.Equal(QuestionText.RepeatKey(other), QuestionText.RepeatKey(written));

    [Theory]
    [InlineData("Total sales in 2024", "Total sales in 2023")]
    [InlineData("Orders above 12.5", "Orders above 125")]
    [InlineData("Orders on 2024-03-01", "Orders on 2024-03-10")]
    [InlineData("Products with price > 100", "Products with price < 100")]
    [InlineData("Sales by region", "Sales per region")]
    [InlineData("Sales by region", "region by Sales")]
    [InlineData("café orders", "cafe orders")]
    public void RepeatKey_DifferentWordOrNumber_Differs(string one, string other) =>
        Assert.NotEqual(QuestionText.RepeatKey(one), QuestionText.RepeatKey(other));

    [Theory]
    [InlineData("WHAT were total  SALES in 2024!!")]
    [InlineData("What were total sales in 2024")]
    public void Similarity_SameRepeatKey_IsExactlyOne(string question)
    {
        var hits = ShopLibrary.Index().Search(question, null, 1);

        Assert.Equal(1, hits[0].ExampleId);
        Assert.Equal(1.0, hits[0].Similarity);
    }

    [Theory]
    [InlineData("What were total sales in 2023?")] // the year
    [InlineData("What were total sales in 2024.5?")] // a number
    [InlineData("What were the total sales in 2024?")] // one stop word more
    [InlineData("What were total sale in 2024?")] // the plural
    [InlineData("In 2024, what were total sales?")] // the order
    [InlineData("Wat were total sales in 2024?")] // a typo
    public void Similarity_AnyWordOrNumberDiffers_IsBelowOne(string question)
    {
        var hits = ShopLibrary.Index().Search(question, null, 1);

        Assert.Equal(1, hits[0].ExampleId);
        Assert.InRange(hits[0].Similarity, 0.5, 0.99);
    }

    [Fact]
    public void Similarity_SameWordsInAnotherOrderOrForm_IsPointNinetyNine()
    {
        var index = new ExampleIndex();
        index.Upsert(1, "orderTotal by customer_region");

        var hits = index.Search("order totals by customer region", null, 1);

        Assert.Equal(0.99, hits[0].Similarity);
    }

    [Fact]
    public void Similarity_DifferentYear_IsFarBelowARepeat()
    {
        var hits = ShopLibrary.Index().Search("What were total sales in 2023?", null, 1);

        // total, sales, were and in are shared; the year is not: well under any sensible repeat threshold.
        Assert.InRange(hits[0].Similarity, 0.6, 0.8);
    }
}
