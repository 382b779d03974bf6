using Microsoft.Extensions.AI;
using OrleansAssistant.Grains.Questions;

namespace OrleansAssistant.Grains.Tests.Questions;

/// <summary>Prompt sizes are o200k token counts: the first two texts' counts are the ones published for o200k, the rest pin today's.</summary>
public sealed class TokenEstimateTests
{
    [Theory]
    [InlineData("Hello world", 2)]
    [InlineData("Text tokenization is the process of splitting a string into a list of tokens.", 16)]
    [InlineData("SELECT count(*) FROM orders WHERE status = 'Cancelled'", 11)]
    public void KnownTexts_CountAsO200kDoes(string text, int tokens) => Assert.Equal(tokens, TokenEstimate.Of(text));

    [Fact]
    public void NonLatinText_CountsMoreTokensThanCharactersOverFour()
    {
        const string japanese = "先月キャンセルされた注文はいくつありますか？";
        const string greek = "Πόσες παραγγελίες ακυρώθηκαν τον περασμένο μήνα;";

        Assert.Equal((12, 21), (TokenEstimate.Of(japanese), TokenEstimate.Of(greek)));
        Assert.True(TokenEstimate.Of(japanese) > japanese.Length / 4 * 1.5, "other scripts take about twice characters / 4");
        Assert.True(TokenEstimate.Of(greek) > greek.Length / 4 * 1.5, "other scripts take about twice characters / 4");
    }

    [Fact]
    public void EmptyText_AndNoMessages_CountNothing()
    {
        Assert.Equal(0, TokenEstimate.Of(""));
        Assert.Equal(0, TokenEstimate.Of(Array.Empty<ChatMessage>()));
    }

    [Fact]
    public void ARequest_CountsEveryMessage()
    {
        ChatMessage[] messages = [new(ChatRole.System, "Hello world"), new(ChatRole.User, "Chico Science & Nação Zumbi")];

        Assert.Equal(2 + TokenEstimate.Of("Chico Science & Nação Zumbi"), TokenEstimate.Of(messages));
    }

    [Fact]
    public void CountingFromManyThreadsAtOnce_GivesTheSameCount()
    {
        var text = string.Join('\n', Enumerable.Range(1, 200).Select(i => $"table_{i}(id integer PK, name text, créé_le timestamp)"));
        var alone = TokenEstimate.Of(text);

        var counts = new int[64];
        Parallel.For(0, counts.Length, i => counts[i] = TokenEstimate.Of(text));

        Assert.All(counts, count => Assert.Equal(alone, count));
    }
}
