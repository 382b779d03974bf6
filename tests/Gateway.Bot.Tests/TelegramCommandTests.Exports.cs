using System.Text;
using OrleansAssistant.TestSupport.Telegram;
using SkiaSharp;

namespace OrleansAssistant.Gateway.Bot.Tests;

/// <summary>Answers people can look at and take away: a chart as a photo, and the rows as CSV, Excel or JSON files.</summary>
public sealed partial class TelegramCommandTests
{
    private const string SpendSql = "SELECT c.name, sum(o.total) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY spent DESC";

    [Fact]
    public async Task AnswerWithAmountsPerCustomer_ComesAsAChartPhoto_CaptionedWithTheAnswer_ThenTheTableWithFileButtons()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = SpendSql, answer = "Spending per customer." }, 100, 10);
        fixture.Model.EnqueueText("Linus spent the most: 1,000.00.", 200, 20);

        var question = asker.Write("How much did each customer spend?");
        var photo = await fixture.Telegram.SentFileLog.WaitForAsync(file => file.ChatId == asker.Id && file.Kind == "photo",
            BotTelegramFixture.Patience, "the chart");
        var table = await asker.ShownAfterAsync(photo.MessageId, message => message.Text.Contains("<pre>", StringComparison.Ordinal));

        Assert.Equal("Linus spent the most: 1,000.00.", photo.Caption);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], photo.Content[..4]);
        using (var bitmap = SKBitmap.Decode(photo.Content)) Assert.Equal((1280, 720), (bitmap.Width, bitmap.Height));
        Assert.DoesNotContain("Linus spent the most", table.Text, StringComparison.Ordinal);
        Assert.Equal(["👍", "👎", "⬇ CSV", "More ▾"], Buttons(table).Select(button => button.Text));
        Assert.True(question < photo.MessageId);
    }

    [Fact]
    public async Task CsvButton_SendsTheRowsAsADocument_AndADoublePressSendsOneFile()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = SpendSql, answer = "Spending per customer." }, 100, 10);
        fixture.Model.EnqueueText("Linus spent the most.", 200, 20);
        var question = asker.Write("Spending per customer");
        var answer = await asker.ShownAfterAsync(question, message => message.ReplyMarkup?.Contains("answer:export:", StringComparison.Ordinal) == true);
        var csv = Buttons(answer).Single(button => button.Text == "⬇ CSV").Data;
        var modelCalls = fixture.Model.Requests.Count;

        var first = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, answer.MessageId, csv);
        var second = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, answer.MessageId, csv);
        Assert.Equal("Preparing the CSV file…", (await CallbackAnswerAsync(first)).GetValueOrDefault("text"));
        await CallbackAnswerAsync(second);
        var document = await fixture.Telegram.SentFileLog.WaitForAsync(file => file.ChatId == asker.Id && file.Kind == "document",
            BotTelegramFixture.Patience, "the CSV");
        var marker = await asker.SayAsync("/myinfo");

        Assert.Equal("spending-per-customer.csv", document.FileName);
        Assert.Equal("3 rows.", document.Caption);
        Assert.Equal(answer.MessageId, document.ReplyToMessageId);
        Assert.Equal("\uFEFFname,spent\r\nLinus,1000\r\nAda,120.5\r\nGrace,19.99\r\n", Encoding.UTF8.GetString(document.Content));
        Assert.Single(fixture.Telegram.SentFileLog.Snapshot(), file => file.ChatId == asker.Id && file.Kind == "document" && file.MessageId < marker.MessageId);
        Assert.Equal(modelCalls, fixture.Model.Requests.Count);
    }

    [Fact]
    public async Task ExcelAndJsonButtons_SendFilesOfTheirKind()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = SpendSql, answer = "Spending per customer." }, 100, 10);
        fixture.Model.EnqueueText("Linus spent the most.", 200, 20);
        var question = asker.Write("Spending, as files");
        var answer = await asker.ShownAfterAsync(question, message => message.ReplyMarkup?.Contains("answer:export:", StringComparison.Ordinal) == true);
        // Excel and JSON sit behind [More ▾], which opens them under the answer in place.
        asker.Press(answer, Buttons(answer).Single(button => button.Text == "More ▾").Data);
        answer = await fixture.Telegram.EditedKeyboardLog.WaitForAsync(edit => edit.ChatId == asker.Id && edit.MessageId == answer.MessageId,
            BotTelegramFixture.Patience, "the opened keyboard");

        asker.Press(answer, Buttons(answer).Single(button => button.Text == "⬇ Excel").Data);
        var xlsx = await fixture.Telegram.SentFileLog.WaitForAsync(file => file.ChatId == asker.Id && file.FileName.EndsWith(".xlsx", StringComparison.Ordinal),
            BotTelegramFixture.Patience, "the XLSX");
        asker.Press(answer, Buttons(answer).Single(button => button.Text == "⬇ JSON").Data);
        var json = await fixture.Telegram.SentFileLog.WaitForAsync(file => file.ChatId == asker.Id && file.FileName.EndsWith(".json", StringComparison.Ordinal),
            BotTelegramFixture.Patience, "the JSON");

        Assert.Equal([(byte)'P', (byte)'K'], xlsx.Content[..2]);
        Assert.Equal(3, System.Text.Json.JsonDocument.Parse(json.Content).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task ExportButton_PressedBySomeoneElse_OrForged_GivesNoFile()
    {
        var asker = await BotPeople.AskerAsync(fixture);
        var stranger = await BotPeople.StandaloneAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = SpendSql, answer = "Spending per customer." }, 100, 10);
        fixture.Model.EnqueueText("Linus spent the most.", 200, 20);
        var question = asker.Write("Spending, mine only");
        var answer = await asker.ShownAfterAsync(question, message => message.ReplyMarkup?.Contains("answer:export:", StringComparison.Ordinal) == true);
        var csv = Buttons(answer).Single(button => button.Text == "⬇ CSV").Data;

        // Someone else presses the button (as in a group): the answer reads as unknown to them.
        fixture.Telegram.EnqueueCallbackQuery(asker.Id, stranger.Id, answer.MessageId, csv);
        var refusal = await fixture.Telegram.WaitForSentMessageAsync(message => message.ChatId == asker.Id
            && message.Text.Contains("Only the person who asked", StringComparison.Ordinal), BotTelegramFixture.Patience);
        var forged = fixture.Telegram.EnqueueCallbackQuery(asker.Id, asker.Id, answer.MessageId, "answer:export:exe:" + "tg_1_1");

        Assert.Equal("This button no longer works.", (await CallbackAnswerAsync(forged)).GetValueOrDefault("text"));
        Assert.DoesNotContain(fixture.Telegram.SentFileLog.Snapshot(), file => file.Kind == "document" && file.ReplyToMessageId == answer.MessageId);
        Assert.NotNull(refusal);
    }
}
