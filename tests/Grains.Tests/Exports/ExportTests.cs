using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.Grains.Tests.Questions;

namespace OrleansAssistant.Grains.Tests.Exports;

/// <summary>
/// Exports of an answer re-run its SQL through the guarded path at press time: the asker's access is checked
/// again, the export's own row cap applies, the buttons expire, and every export is in the activity log.
/// </summary>
[Collection(QuestionSiloCollection.Name)]
public sealed class ExportTests(QuestionSiloFixture fixture)
{
    private const string CustomersSql = "SELECT name, city FROM customers ORDER BY name";

    [Fact]
    public async Task Csv_OfAnAnswer_HoldsItsRows_CostsNoModelCall_AndIsInTheActivityLog()
    {
        var (asker, answer) = await AnsweredAsync(CustomersSql, "Where do our customers live?");
        var modelCalls = fixture.Model.Requests.Count;

        var export = await ExportAsync(asker.UserId, answer, ExportFormat.Csv);

        Assert.Equal(ExportStatus.Ready, export.Status);
        Assert.Equal(("where-do-our-customers-live.csv", "text/csv"), (export.FileName, export.MediaType));
        var lines = Encoding.UTF8.GetString(export.File!).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["name,city", .. answer.Rows!.Rows.Select(row => string.Join(',', row))], lines);
        Assert.Equal((answer.Rows.Rows.Count, false), (export.Rows, export.Truncated));
        Assert.Equal(modelCalls, fixture.Model.Requests.Count);
        var logged = await ActivityAsync(asker.UserId);
        Assert.Contains(logged, entry => entry.Type == "answer.exported" && entry.Target == asker.DatabaseId
            && entry.Details.Contains("\"format\":\"Csv\"", StringComparison.Ordinal) && entry.Details.Contains($"\"rows\":{export.Rows}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Xlsx_AndJson_OfTheSameAnswer_AreFilesOfTheirKind()
    {
        var (asker, answer) = await AnsweredAsync(CustomersSql, "Customers");

        var xlsx = await ExportAsync(asker.UserId, answer, ExportFormat.Xlsx);
        var json = await ExportAsync(asker.UserId, answer, ExportFormat.Json);

        Assert.Equal([(byte)'P', (byte)'K'], xlsx.File![..2]);
        Assert.Equal("customers.xlsx", xlsx.FileName);
        Assert.Equal('[', (char)json.File![0]);
        Assert.Equal(answer.Rows!.Rows.Count, System.Text.Json.JsonDocument.Parse(json.File).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task ExportRowCap_IsItsOwn_AboveTheAnswersThousand()
    {
        const string sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 60000) SELECT x AS number FROM n";
        var (asker, answer) = await AnsweredAsync(sql, "Count to sixty thousand");

        var export = await ExportAsync(asker.UserId, answer, ExportFormat.Csv);

        Assert.Equal(1000, answer.Rows!.Rows.Count);
        Assert.Equal((ExportStatus.Ready, 50_000, true), (export.Status, export.Rows, export.Truncated));
    }

    [Fact]
    public async Task PressedTwiceQuickly_GivesOneFile()
    {
        var (asker, answer) = await AnsweredAsync(CustomersSql, "Customers twice");
        var grain = fixture.Grains.GetGrain<IAnswerExportGrain>("export_" + answer.ConversationId);

        var presses = await Task.WhenAll(grain.ExportAsync(asker.UserId, ExportFormat.Csv, ExportDelivery.Chat), grain.ExportAsync(asker.UserId, ExportFormat.Csv, ExportDelivery.Chat));

        Assert.Equal([ExportStatus.Ready, ExportStatus.Duplicate], presses.Select(press => press.Status).Order());
        Assert.Single(presses, press => press.File is not null);
    }

    [Fact]
    public async Task DashboardDownloads_AreNeverTakenForADoublePress()
    {
        var (asker, answer) = await AnsweredAsync(CustomersSql, "Customers downloaded twice");

        var first = await ExportAsync(asker.UserId, answer, ExportFormat.Csv);
        var second = await ExportAsync(asker.UserId, answer, ExportFormat.Csv);

        Assert.Equal((ExportStatus.Ready, ExportStatus.Ready), (first.Status, second.Status));
    }

    [Fact]
    public async Task AnotherPersonsAnswer_IsNotFound_LikeAnUnknownOne()
    {
        var (_, answer) = await AnsweredAsync(CustomersSql, "Customers of someone else");
        var stranger = await TestUsers.RegisterAsync(fixture.Grains);

        var theirs = await ExportAsync(stranger, answer, ExportFormat.Csv);
        var unknown = await fixture.Grains.GetGrain<IAnswerExportGrain>("export_tg_1_404").ExportAsync(stranger, ExportFormat.Csv, ExportDelivery.Chat);

        Assert.Equal((ExportStatus.NotFound, ExportStatus.NotFound), (theirs.Status, unknown.Status));
        Assert.Null(theirs.File);
    }

    [Fact]
    public async Task DatabaseRemovedSinceTheAnswer_AccessIsCheckedAgainAtThePress()
    {
        var (asker, answer) = await AnsweredAsync(CustomersSql, "Customers before removal");
        var removed = await fixture.Grains.GetGrain<IDatabasesGrain>(0).RemoveAsync(asker.UserId, asker.DatabaseId);
        Assert.True(removed.Succeeded, removed.Message);

        var export = await ExportAsync(asker.UserId, answer, ExportFormat.Csv);

        Assert.Contains(export.Status, new[] { ExportStatus.AccessDenied, ExportStatus.DatabaseUnavailable });
        Assert.Null(export.File);
    }

    [Fact]
    public async Task DatabaseDownNow_SaysUnavailable_AndSendsNoFile()
    {
        var (asker, answer) = await AnsweredAsync(CustomersSql, "Customers while down");
        File.Delete(asker.DatabasePath);
        // The silo runs in this process: its pooled connections would keep the deleted file readable.
        SqliteConnection.ClearAllPools();

        var export = await ExportAsync(asker.UserId, answer, ExportFormat.Csv);

        Assert.Contains(export.Status, new[] { ExportStatus.DatabaseUnavailable, ExportStatus.QueryFailed });
        Assert.Null(export.File);
    }

    [Fact]
    public async Task AfterTwentyFourHours_TheButtonsHaveExpired()
    {
        // An answer recorded 24 hours and a minute ago, as the user grain records one. The silo's clock is not
        // moved: a day's jump would make membership think the silo itself had died.
        var asker = await Asker.NewAsync(fixture);
        var conversationId = $"tg_{asker.UserId}_{Random.Shared.Next(1, 1_000_000)}";
        var at = fixture.Clock.GetUtcNow() - TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1);
        await fixture.Silo.Services.GetRequiredService<ConversationLedger>().RecordAsync(
            new ConversationRecord(conversationId, asker.UserId, asker.UserId, null, asker.DatabaseId, "Customers yesterday", "SqlQuery", "Answered",
                "Here they are.", null, at, at, 10),
            [],
            new HistoryTurnRecord(asker.UserId, asker.UserId, conversationId, "Customers yesterday", "Here they are.", CustomersSql, 3, "SqlQuery", at),
            CancellationToken.None);

        var export = await fixture.Grains.GetGrain<IAnswerExportGrain>(AnswerExports.KeyOf(conversationId))
            .ExportAsync(asker.UserId, ExportFormat.Csv, ExportDelivery.Download);

        Assert.Equal(ExportStatus.Expired, export.Status);
    }

    [Fact]
    public async Task AnAnswerWithoutQuery_HasNoRowsToExport()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = "Hello!" }, 10, 5);
        var answer = await asker.User.AskAsync(asker.UserId, "hi", null, $"tg_{asker.UserId}_1");

        Assert.Equal(ExportStatus.NoRows, (await ExportAsync(asker.UserId, answer, ExportFormat.Json)).Status);
    }

    private async Task<(Asker Asker, QuestionAnswer Answer)> AnsweredAsync(string sql, string question)
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql, answer = "Looking." }, 100, 10);
        fixture.Model.EnqueueText("Here they are.", 100, 10);
        var answer = await asker.User.AskAsync(asker.UserId, question, null, $"tg_{asker.UserId}_{Random.Shared.Next(1, 1_000_000)}");
        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        return (asker, answer);
    }

    private Task<ExportResult> ExportAsync(long userId, QuestionAnswer answer, ExportFormat format) =>
        fixture.Grains.GetGrain<IAnswerExportGrain>("export_" + answer.ConversationId).ExportAsync(userId, format, ExportDelivery.Download);

    private Task<List<(string Type, string? Target, string Details)>> ActivityAsync(long userId) =>
        AppActivity.OfUserAsync(fixture.DataDirectory, userId);
}
