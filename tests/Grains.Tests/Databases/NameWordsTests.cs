using OrleansAssistant.CustomerDatabases.Schema;

namespace OrleansAssistant.Grains.Tests.Databases;

/// <summary>How names and questions become comparable words: the ground table picking stands on.</summary>
public sealed class NameWordsTests
{
    [Theory]
    [InlineData("OrderLines", new[] { "order", "line" })]
    [InlineData("order_lines", new[] { "order", "line" })]
    [InlineData("HTTPServerLogs", new[] { "http", "server", "log" })]
    [InlineData("ProductCategories", new[] { "product", "category" })]
    [InlineData("addresses", new[] { "address" })]
    [InlineData("status", new[] { "status" })]
    [InlineData("Highschooler", new[] { "highschooler" })]
    [InlineData("sales2024", new[] { "sale", "2024" })]
    public void Names_SplitAtCaseAndUnderscores_AndLosePluralEndings(string name, string[] words)
    {
        Assert.Equal(words, NameWords.FromName(name));
    }

    [Fact]
    public void Questions_DropWordsThatNameNothing_AndStemTheRest()
    {
        var words = NameWords.FromQuestion("How many customers placed orders in the last month?");

        Assert.Contains("customer", words);
        Assert.Contains("order", words);
        Assert.DoesNotContain("how", words);
        Assert.DoesNotContain("the", words);
    }

    [Fact]
    public void Questions_AlsoJoinNeighbouringWords_AsNamesCloseThemUp()
    {
        var words = NameWords.FromQuestion("How many high schoolers are there? What is each zip code?");

        Assert.Contains("highschooler", words);
        Assert.Contains("zipcode", words);
        Assert.DoesNotContain("manyhigh", words); // "many" names nothing, so it joins nothing
    }

    [Theory]
    [InlineData("In Progress", new[] { "progress" })]
    [InlineData("JetBlue Airways", new[] { "jetblue", "airway" })]
    [InlineData("Cancelled", new[] { "cancelled" })]
    [InlineData("A", new string[0])]
    public void Values_GiveTheirWords_AsAQuestionWouldSayThem(string value, string[] words)
    {
        Assert.Equal(words, NameWords.FromValue(value));
    }
}
