using OrleansAssistant.Gateway.Bot.Formatting;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using static OrleansAssistant.Gateway.Bot.Tests.MessageFormattingSamples;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>How an answer from a verified query reads: who checked it and when, and in template mode the result's own lead-in.</summary>
public sealed class VerifiedAnswerMessageTests
{
    private static readonly DateTimeOffset CheckedAt = new(2026, 12, 3, 16, 45, 0, TimeSpan.Zero);

    [Fact]
    public void VerifiedAnswer_SaysWhoCheckedItAndWhen_AboveTheTokenLine()
    {
        var answer = SqlAnswer("There are 3 products.", Products(3)) with { Verified = Source(VerifiedAnswerMode.Summary, "Alice <Ops>") };

        var text = string.Join("\n\n", AnswerMessage.Render(answer));

        Assert.Contains("<i>✓ Verified query — checked by Alice &lt;Ops&gt; on 3 Dec 2026\n", text, StringComparison.Ordinal);
        Assert.Contains(UsageText.For(answer) + "</i>", text, StringComparison.Ordinal);
        Assert.StartsWith("There are 3 products.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateMode_OneValue_ReadsResultAndTheValue_WithoutATable()
    {
        var rows = Result([new("customers", ValueKind.Integer)], [["42"]]);
        var answer = SqlAnswer("", rows) with { Verified = Source(VerifiedAnswerMode.Template), Stages = [] };

        var text = string.Join("\n\n", AnswerMessage.Render(answer));

        Assert.StartsWith("Result: 42\n\n<i>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<pre>", text, StringComparison.Ordinal);
        Assert.EndsWith("<i>✓ Verified query — checked by Alice on 3 Dec 2026</i>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateMode_SeveralRows_ReadsTheCount_ThenTheTable()
    {
        var answer = SqlAnswer("", Products(12)) with { Verified = Source(VerifiedAnswerMode.Template) };

        var text = string.Join("\n\n", AnswerMessage.Render(answer));

        Assert.StartsWith("Result: 12 rows\n\n<pre>", text, StringComparison.Ordinal);
        Assert.Contains("Product 12 &lt;&amp;&gt;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateMode_ChartCaption_IsTheResultLine()
    {
        var answer = SqlAnswer("", Products(5)) with { Verified = Source(VerifiedAnswerMode.Template) };

        Assert.Equal("Result: 5 rows", AnswerMessage.ChartCaption(answer, new AnswerChart(ChartKind.Bar, [1], null)));
    }

    [Fact]
    public void SummaryMode_KeepsTheModelsText()
    {
        var answer = SqlAnswer("Five products.", Products(5)) with { Verified = Source(VerifiedAnswerMode.Summary) };

        Assert.Equal("Five products.", AnswerMessage.TextOf(answer));
    }

    private static VerifiedSource Source(VerifiedAnswerMode mode, string by = "Alice") => new(7, by, CheckedAt, mode, 900);
}
