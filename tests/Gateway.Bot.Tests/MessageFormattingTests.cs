using OrleansAssistant.Gateway.Bot.Formatting;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using static OrleansAssistant.Gateway.Bot.Tests.MessageFormattingSamples;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Telegram HTML for answers, tables and e-mail previews: escaped, split and valid.</summary>
public sealed class MessageFormattingTests
{
    private const int Limit = MessageSplitter.TelegramLimit;

    [Fact]
    public void Escape_HostileText_StaysLiteral()
    {
        Assert.Equal("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;", TelegramHtml.Escape(Hostile));
        Assert.Equal("say \"hi\"", TelegramHtml.Escape("say \"hi\""));
        Assert.Equal("a&amp;b=&quot;c&quot;", TelegramHtml.EscapeAttribute("a&b=\"c\""));
    }

    [Fact]
    public void Split_ShortText_IsOnePartUnchanged()
    {
        Assert.Equal(["<b>hi</b> &amp; bye"], MessageSplitter.Split("<b>hi</b> &amp; bye"));
    }

    [Theory]
    [InlineData(10_000, " ")]
    [InlineData(10_000, "\n")]
    [InlineData(10_000, "\n\n")]
    [InlineData(25_000, "\n")]
    public void Split_LongText_PartsFitAndRejoin(int length, string separator)
    {
        var html = LongHtml(length, separator);

        var parts = MessageSplitter.Split(html);

        Assert.True(parts.Count >= length / Limit);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, Limit));
        Assert.All(parts, MessageFormattingHtml.AssertWellFormed);
        Assert.Equal(html, string.Concat(parts));
        Assert.All(parts.SkipLast(1), part => Assert.EndsWith(separator == " " ? " " : separator, part));
    }

    [Fact]
    public void Split_ParagraphsAndLines_PrefersParagraphBreak()
    {
        var paragraph = string.Join("\n", Enumerable.Repeat(new string('x', 99), 30)) + "\n\n";
        var html = paragraph + paragraph;

        var parts = MessageSplitter.Split(html, 4_000);

        Assert.Equal([paragraph, paragraph], parts);
    }

    [Theory]
    [InlineData(4_093)]
    [InlineData(4_094)]
    [InlineData(4_095)]
    [InlineData(4_096)]
    [InlineData(4_097)]
    public void Split_EntityOrSurrogatePairAtLimit_IsNeverCut(int offset)
    {
        var html = new string('a', offset) + "&amp;😀" + new string('b', offset) + "😀&lt;" + new string('c', 5_000);

        var parts = MessageSplitter.Split(html);

        Assert.All(parts, part => Assert.InRange(part.Length, 1, Limit));
        Assert.All(parts, MessageFormattingHtml.AssertWellFormed);
        Assert.Equal(html, string.Concat(parts));
    }

    [Fact]
    public void Split_OnlySurrogatePairs_CutsBetweenPairs()
    {
        var html = string.Concat(Enumerable.Repeat("😀", 5_001)) + "a";

        var parts = MessageSplitter.Split(html);

        Assert.All(parts, part => Assert.InRange(part.Length, 1, Limit));
        Assert.All(parts, MessageFormattingHtml.AssertWellFormed);
        Assert.Equal(html, string.Concat(parts));
    }

    [Fact]
    public void Split_InsideNestedElements_ClosesAndReopensThem()
    {
        var html = "start <b>bold <i>" + string.Join(" ", Enumerable.Repeat("word &amp;", 40)) + "</i> end</b> done";

        var parts = MessageSplitter.Split(html, 100);

        Assert.True(parts.Count > 3);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, 100));
        Assert.All(parts, MessageFormattingHtml.AssertWellFormed);
        Assert.All(parts.Skip(1).SkipLast(1), part => Assert.StartsWith("<b><i>", part));
        Assert.Equal(MessageFormattingHtml.WithoutTags(html), MessageFormattingHtml.WithoutTags(string.Concat(parts)));
    }

    [Fact]
    public void Split_PreTableAcrossParts_EachPartIsAValidTableBlock()
    {
        var table = ResultTable.Render(Products(400), maxRows: 400);

        var parts = MessageSplitter.Split(table);

        Assert.True(parts.Count > 1);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, Limit));
        Assert.All(parts, MessageFormattingHtml.AssertWellFormed);
        Assert.All(parts, part => Assert.StartsWith("<pre>", part));
        Assert.All(parts, part => Assert.EndsWith("</pre>", part));
        // Cuts fall between table rows, so every part shows whole rows.
        Assert.All(parts.SkipLast(1), part => Assert.EndsWith("\n</pre>", part));
        Assert.Equal(MessageFormattingHtml.WithoutTags(table), MessageFormattingHtml.WithoutTags(string.Concat(parts)));
    }

    [Fact]
    public void ResultTable_MixedKinds_RightAlignsNumbersAndEscapes()
    {
        var result = Result(
            [new("name", ValueKind.Text), new("amount", ValueKind.Decimal)],
            [["Widget", "5"], ["Gadget & Co", "1234.50"], ["X", null]]);

        var table = ResultTable.Render(result);

        Assert.Equal(
            "<pre>name        │  amount\n"
            + "────────────┼────────\n"
            + "Widget      │       5\n"
            + "Gadget &amp; Co │ 1234.50\n"
            + "X           │    NULL</pre>",
            table);
    }

    [Fact]
    public void ResultTable_LongAndMultilineCells_AreCutToOneLine()
    {
        var result = Result([new("note", ValueKind.Text)], [[new string('n', 100)], ["two\nlines"], ["😀😀😀😀😀😀"]]);

        var lines = MessageFormattingHtml.WithoutTags(ResultTable.Render(result, maxWidth: 5)).Split('\n');

        Assert.Equal(["note", "─────", "nnnn…", "two …", "😀😀😀😀…"], lines);
    }

    [Fact]
    public void ResultTable_MoreRowsThanShown_SaysHowManyAreLeftOut()
    {
        var lines = ResultTable.Render(Products(25), maxRows: 20).Split('\n');

        Assert.Equal(2 + 20 + 1, lines.Length);
        Assert.Equal("… and 5 more rows</pre>", lines[^1]);
    }

    [Fact]
    public void ResultTable_TruncatedByDatabase_SaysMoreRowsExist()
    {
        var products = Products(3) with { Truncated = true };

        Assert.EndsWith("\n… more rows exist</pre>", ResultTable.Render(products));
        Assert.EndsWith("\n… and more than 1 more rows</pre>", ResultTable.Render(products, maxRows: 2));
    }

    [Fact]
    public void AnswerMessage_SqlAnswer_HasTextTableAndEscapedFooter()
    {
        var answer = SqlAnswer("Top products: " + Hostile, Products(2));

        var parts = AnswerMessage.Render(answer);

        var message = Assert.Single(parts);
        MessageFormattingHtml.AssertWellFormed(message);
        Assert.StartsWith("Top products: &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;\n\n<pre>", message);
        Assert.Contains("Product 1 &lt;&amp;&gt;", message);
        Assert.EndsWith("</pre>\n\n<i>" + TelegramHtml.Escape(UsageText.For(answer)) + "</i>", message);
        // One short line of tokens and cost: the per-stage detail (and the model names) are in /stats and /history.
        Assert.Matches(@"\n\n<i>[\d,]+ tokens · \$\d+\.\d{5}</i>$", message);
        Assert.DoesNotContain("gemini", message, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message);
        Assert.DoesNotContain("<b>", message);
    }

    [Fact]
    public void AnswerMessage_TableHidden_HasTextAndFooterOnly()
    {
        var message = Assert.Single(AnswerMessage.Render(SqlAnswer("Two products.", Products(2)), showTable: false));

        Assert.DoesNotContain("<pre>", message);
        Assert.Matches(@"^Two products\.\n\n<i>[\d,]+ tokens · \$\d+\.\d{5}</i>$", message);
    }

    [Fact]
    public void AnswerMessage_NotAnswered_IsOnlyTheEscapedText()
    {
        var answer = new QuestionAnswer(QuestionOutcome.QueryFailed, "Could not run " + Hostile, AnswerWay.SqlQuery, Rows: Products(2), Stages: Stages);

        Assert.Equal(["Could not run &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;"], AnswerMessage.Render(answer));
    }

    [Fact]
    public void AnswerMessage_LongAnswerWithTable_SplitsIntoValidParts()
    {
        var answer = SqlAnswer(string.Concat(Enumerable.Repeat("Sales rose & fell <quickly>. 😀\n", 300)), Products(20));

        var parts = AnswerMessage.Render(answer);

        Assert.True(parts.Count > 2);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, Limit));
        Assert.All(parts, MessageFormattingHtml.AssertWellFormed);
        Assert.EndsWith("</i>", parts[^1]);
    }

    [Fact]
    public void AnswerMessage_TableLongerThanAMessage_RepeatsItsHeaderInEveryPart()
    {
        // Cells are cut at 60 characters: four such columns make each row about 250 characters, the table over 5,000.
        var wide = Result([new("product", ValueKind.Text), .. Enumerable.Range(1, 4).Select(number => new ResultColumn($"notes{number}", ValueKind.Text))],
            [.. Enumerable.Range(1, 20).Select(number => (IReadOnlyList<string?>)[$"P{number} <&>", .. Enumerable.Repeat(new string('n', 60), 4)])]);
        var answer = SqlAnswer("Twenty products.", wide);

        var parts = AnswerMessage.Render(answer);

        var tableParts = parts.Where(part => part.Contains("<pre>", StringComparison.Ordinal)).ToList();
        Assert.True(tableParts.Count >= 2);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, Limit));
        Assert.All(parts, MessageFormattingHtml.AssertWellFormed);
        var header = ResultTable.Render(wide).Split('\n')[0];
        Assert.All(tableParts, part => Assert.Contains(header + "\n", part, StringComparison.Ordinal));
        Assert.StartsWith("Twenty products.\n\n<pre>", parts[0], StringComparison.Ordinal);
        Assert.Equal(20, tableParts.Sum(part => part.Split('\n').Count(line => line.StartsWith('P'))));
    }

    [Fact]
    public void AnswerMessage_GuardRefusal_SaysOnlyReadsRunAndShowsTheEscapedSql()
    {
        var answer = new QuestionAnswer(QuestionOutcome.QueryRefused, "Only queries that read data can run; this statement would change the database.",
            AnswerWay.SqlQuery, "DELETE FROM t WHERE a < 1", Stages: Stages);

        var message = Assert.Single(AnswerMessage.Render(answer));

        MessageFormattingHtml.AssertWellFormed(message);
        Assert.StartsWith("I can only run queries that read data, and the query written for this one was refused. Nothing was run", message, StringComparison.Ordinal);
        Assert.EndsWith("<pre>DELETE FROM t WHERE a &lt; 1</pre>", message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailPreview_HostileDraft_IsEscaped()
    {
        var draft = new EmailDraft(["boss@example.com", "a&b@example.com"], "Q3 <numbers>", "Hi,\n" + Hostile + "\nBye");

        var preview = EmailPreview.Render(draft);

        MessageFormattingHtml.AssertWellFormed(preview);
        Assert.Equal(
            "<b>E-mail draft</b>\n<b>To:</b> boss@example.com, a&amp;b@example.com\n<b>Subject:</b> Q3 &lt;numbers&gt;\n\n"
            + "<blockquote>Hi,\n&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;\nBye</blockquote>",
            preview);
    }

    [Fact]
    public void EmailPreview_NoRecipientsOrBody_SaysSo()
    {
        var preview = EmailPreview.Render(new EmailDraft([], "Empty", " "));

        Assert.Contains("<b>To:</b> (no recipients)\n", preview);
        Assert.EndsWith("<blockquote>(empty)</blockquote>", preview);
    }
}
