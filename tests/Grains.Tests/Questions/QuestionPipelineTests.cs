using System.Text.Json;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Tests.Databases;

namespace OrleansAssistant.Grains.Tests.Questions;

[Collection(QuestionSiloCollection.Name)]
public sealed class QuestionPipelineTests(QuestionSiloFixture fixture)
{
    private const string TopCustomerSql = "SELECT c.name, sum(o.total) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY spent DESC";

    private static object Summary(string way, string? sql = null, string? answer = null) => new { way, sql, answer };

    [Fact]
    public async Task SqlQuestion_RunsTheQuery_AnswersFromTheRows_AndPricesBothStagesExactly()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(Summary("SqlQuery", TopCustomerSql, "Looking up spending per customer."), 765, 120);
        fixture.Model.EnqueueText("Linus spent the most: $1,000.00.", 900, 50);

        var answer = await asker.User.AskAsync(asker.UserId, "Who is our best customer?");

        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        Assert.Equal("Linus spent the most: $1,000.00.", answer.Text);
        Assert.Equal((AnswerWay.SqlQuery, TopCustomerSql), (answer.Way, answer.Sql));
        Assert.Equal("Linus", answer.Rows!.Rows[0][0]);
        var stages = await Asker.StagesAsync(fixture.DataDirectory, answer.ConversationId!);
        Assert.Equal([(1, "summary", "gemini-2.5-flash", 765, 120), (2, "answer", "gemini-2.0-flash", 900, 50)],
            stages.Select(s => (s.Stage, s.Name, s.Model, s.Input, s.Output)));
        // 765 × 0.30/M, 120 × 2.50/M; 900 × 0.10/M, 50 × 0.40/M: stored to the last digit.
        Assert.Equal([(0.0002295m, 0.0003m), (0.00009m, 0.00002m)], stages.Select(s => (s.InputCost, s.OutputCost)));
        Assert.Equal(0.0002295m + 0.0003m + 0.00009m + 0.00002m, answer.TotalCost);
        Assert.Equal((1665, 170), (answer.InputTokens, answer.OutputTokens));
    }

    [Fact]
    public async Task SqlQuestion_TheDatabaseGrainGetsTheAskersPrincipal_AndNeverCallsBackForIt()
    {
        var asker = await Asker.NewAsync(fixture);
        var user = asker.User.GetGrainId();
        var database = fixture.Grains.GetGrain<IDatabaseConnectionGrain>(asker.DatabaseId).GetGrainId();
        var principalReads = fixture.Calls.Count(user, "IUserGrain.GetPrincipalAsync");
        var (schemaReads, queries) = (fixture.Calls.Count(database, "IDatabaseConnectionGrain.GetSchemaAsync"),
            fixture.Calls.Count(database, "IDatabaseConnectionGrain.QueryAsync"));
        fixture.Model.EnqueueJson(Summary("SqlQuery", "SELECT name FROM customers WHERE name = 'Nobody'", "Looking."), 765, 120);
        fixture.Model.EnqueueJson(Summary("SqlQuery", TopCustomerSql, "Looking up spending per customer."), 765, 120);
        fixture.Model.EnqueueText("Linus spent the most.", 900, 50);

        var noRows = await asker.User.AskAsync(asker.UserId, "Did Nobody buy anything?");
        var answer = await asker.User.AskAsync(asker.UserId, "Who is our best customer?");

        Assert.Equal((QuestionOutcome.Answered, QuestionOutcome.Answered), (noRows.Outcome, answer.Outcome));
        Assert.Equal("Linus", answer.Rows!.Rows[0][0]);
        // Two schema reads and two queries, each checked against the principal the user grain sent along with it.
        Assert.Equal((schemaReads + 2, queries + 2), (fixture.Calls.Count(database, "IDatabaseConnectionGrain.GetSchemaAsync"),
            fixture.Calls.Count(database, "IDatabaseConnectionGrain.QueryAsync")));
        Assert.Equal(principalReads, fixture.Calls.Count(user, "IUserGrain.GetPrincipalAsync"));
    }

    [Fact]
    public async Task SqlQuestion_RowsOfCategoriesAndAmounts_ComeWithABarChart()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(Summary("SqlQuery", TopCustomerSql, "Looking up spending per customer."), 765, 120);
        fixture.Model.EnqueueText("Linus spent the most.", 900, 50);

        var answer = await asker.User.AskAsync(asker.UserId, "How much did each customer spend?");

        var chart = Assert.IsType<AnswerChart>(answer.Chart);
        Assert.Equal(ChartKind.Bar, chart.Kind);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.Png[..4]);
    }

    [Fact]
    public async Task SqlQuestion_ModelHintsPie_ThePieBreaksTheTie()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = TopCustomerSql, answer = "Spending per customer.", chart = "Pie" }, 765, 120);
        fixture.Model.EnqueueText("Linus spent the most.", 900, 50);

        var answer = await asker.User.AskAsync(asker.UserId, "How much did each customer spend?");

        Assert.Equal(ChartKind.Pie, answer.Chart?.Kind);
    }

    [Fact]
    public async Task SqlQuestion_StageOneRequest_CarriesSchemaDialectAndAJsonSchema()
    {
        var asker = await Asker.NewAsync(fixture);
        var before = fixture.Model.Requests.Count;
        fixture.Model.EnqueueJson(Summary("Conversation", answer: "Hi!"), 10, 5);

        await asker.User.AskAsync(asker.UserId, "hello");

        var request = fixture.Model.Requests[before];
        Assert.Equal("gemini-2.5-flash", request.Model);
        var body = request.Body.RootElement;
        Assert.Equal("json_schema", body.GetProperty("response_format").GetProperty("type").GetString());
        var system = body.GetProperty("messages")[0].GetProperty("content").GetString()!;
        Assert.Contains("SQLite", system, StringComparison.Ordinal);
        Assert.Contains("orders(", system, StringComparison.Ordinal);
        Assert.Contains("customers(", system, StringComparison.Ordinal);
        Assert.Equal("Bearer test-model-key", request.AuthorizationHeader);
    }

    [Fact]
    public async Task ConversationAndNone_AnswerWithoutTouchingTheDatabase()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(Summary("Conversation", answer: "You're welcome!"), 10, 5);
        fixture.Model.EnqueueJson(Summary("None", answer: "I can only answer questions about your data."), 10, 5);

        var thanks = await asker.User.AskAsync(asker.UserId, "thanks!");
        var weather = await asker.User.AskAsync(asker.UserId, "what's the weather in Paris?");

        Assert.Equal((QuestionOutcome.Answered, AnswerWay.Conversation, "You're welcome!"), (thanks.Outcome, thanks.Way, thanks.Text));
        Assert.Equal((QuestionOutcome.Answered, AnswerWay.None), (weather.Outcome, weather.Way));
        Assert.Single(thanks.Usage);
        Assert.Null(thanks.Sql);
    }

    [Fact]
    public async Task EmailQuestion_QueriesAnswersAndDraftsAnEmail_WithOnlyValidRecipients()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(Summary("Email", TopCustomerSql), 700, 100);
        fixture.Model.EnqueueText("Linus is the top customer with $1,000.00.", 800, 40);
        fixture.Model.EnqueueJson(new { to = new[] { "boss@example.com", "not an address" }, subject = "Top customer", body = "Linus leads with $1,000.00." }, 300, 80);
        var stages = new List<QuestionStage>();

        var answer = await asker.User.AskAsync(asker.UserId, "Email the top customer to boss@example.com");

        Assert.Equal((QuestionOutcome.Answered, AnswerWay.Email), (answer.Outcome, answer.Way));
        Assert.Equal(["boss@example.com"], answer.Email!.To);
        Assert.Equal("Top customer", answer.Email.Subject);
        Assert.Contains("not an address", answer.Text, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], answer.Usage.Select(s => s.StageNumber));
        Assert.Equal("gemini-2.5-flash", answer.Usage[2].Model);
    }

    [Fact]
    public async Task BrokenSql_IsRepairedOnce_AndTheRepairIsBilledAsStageOne()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(Summary("SqlQuery", "SELECT nme FROM customers"), 500, 40);
        fixture.Model.EnqueueJson(Summary("SqlQuery", "SELECT name FROM customers ORDER BY name"), 600, 40);
        fixture.Model.EnqueueText("Ada, Grace and Linus.", 300, 20);
        var before = fixture.Model.Requests.Count;

        var answer = await asker.User.AskAsync(asker.UserId, "List our customers");

        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        Assert.Equal("SELECT name FROM customers ORDER BY name", answer.Sql);
        Assert.Equal([(1, "summary"), (1, "repair"), (2, "answer")], answer.Usage.Select(s => (s.StageNumber, s.StageName)));
        var repairRequest = fixture.Model.Requests[before + 1].Body.RootElement.GetProperty("messages");
        var lastMessage = repairRequest[repairRequest.GetArrayLength() - 1].GetProperty("content").GetString()!;
        Assert.Contains("SELECT nme FROM customers", lastMessage, StringComparison.Ordinal);
        Assert.Contains("nme", lastMessage[lastMessage.IndexOf("Error:", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlThatFailsTwice_GivesAClearError_WithoutAnAnswerStage()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(Summary("SqlQuery", "SELECT nme FROM customers"), 500, 40);
        fixture.Model.EnqueueJson(Summary("SqlQuery", "SELECT nmee FROM customers"), 600, 40);

        var answer = await asker.User.AskAsync(asker.UserId, "List our customers");

        Assert.Equal(QuestionOutcome.QueryFailed, answer.Outcome);
        Assert.StartsWith("I couldn't build a working query for that.", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["summary", "repair"], answer.Usage.Select(s => s.StageName));
    }

    [Fact]
    public async Task HostileSqlFromTheModel_IsRefusedWithoutARepairRound_AndNothingChanges()
    {
        var asker = await Asker.NewAsync(fixture);
        var before = await ShopDatabases.CountSqliteAsync(asker.DatabasePath);
        fixture.Model.EnqueueJson(Summary("SqlQuery", "DROP TABLE orders"), 100, 10);
        var calls = fixture.Model.Requests.Count;

        var answer = await asker.User.AskAsync(asker.UserId, "Tidy up the orders table please");

        Assert.Equal(QuestionOutcome.QueryRefused, answer.Outcome);
        Assert.Equal("DROP TABLE orders", answer.Sql);
        Assert.Contains("DROP", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["summary"], answer.Usage.Select(s => s.StageName));
        Assert.Equal(calls + 1, fixture.Model.Requests.Count);
        Assert.Equal(before, await ShopDatabases.CountSqliteAsync(asker.DatabasePath));
        // Kept for the curators' review, never for the conversation window.
        Assert.Equal("DROP TABLE orders", await Asker.FailedSqlAsync(fixture.DataDirectory, answer.ConversationId!));
    }

    [Fact]
    public async Task NoMatchingRows_SaysSoAndShowsWhatWasSearched()
    {
        var asker = await Asker.NewAsync(fixture);
        const string sql = "SELECT name FROM customers WHERE city = 'Atlantis'";
        fixture.Model.EnqueueJson(Summary("SqlQuery", sql), 100, 10);

        var answer = await asker.User.AskAsync(asker.UserId, "Customers in Atlantis?");

        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        Assert.StartsWith("No data matches your question.", answer.Text, StringComparison.Ordinal);
        Assert.Contains(sql, answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Usage);
    }

    [Fact]
    public async Task DatabaseDown_SaysTheDatabaseIsUnavailable_WithoutAskingTheModel()
    {
        var asker = await Asker.NewAsync(fixture);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(asker.DatabasePath);
        var before = fixture.Model.Requests.Count;

        var answer = await asker.User.AskAsync(asker.UserId, "How many orders?");

        Assert.Equal(QuestionOutcome.DatabaseUnavailable, answer.Outcome);
        Assert.Equal("The database is unavailable right now. Please try again later.", answer.Text);
        Assert.Equal(before, fixture.Model.Requests.Count);
    }

    [Fact]
    public async Task Progress_IsReportedThroughTheStages()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(Summary("SqlQuery", TopCustomerSql), 100, 10);
        fixture.Model.EnqueueText("Linus.", 100, 10);
        var progress = new RecordingProgress();
        var reference = fixture.Grains.CreateObjectReference<IQuestionProgress>(progress);

        await asker.User.AskAsync(asker.UserId, "Best customer?", reference);

        await progress.WaitForAsync(3);
        Assert.Equal([QuestionStage.Understanding, QuestionStage.Querying, QuestionStage.WritingAnswer], progress.Stages);
    }

    [Fact]
    public async Task ModelRateLimitThenSuccess_IsRetried_AndAnswered()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueError(429, TimeSpan.FromSeconds(1));
        fixture.Model.EnqueueJson(Summary("Conversation", answer: "Hello again."), 10, 5);

        var answer = await asker.User.AskAsync(asker.UserId, "hello");

        Assert.Equal((QuestionOutcome.Answered, "Hello again."), (answer.Outcome, answer.Text));
    }

    [Fact]
    public async Task ModelFailingThreeTimes_GivesAClearError_AndBillsNothing()
    {
        var asker = await Asker.NewAsync(fixture);
        for (var i = 0; i < 3; i++) fixture.Model.EnqueueError(500);

        var answer = await asker.User.AskAsync(asker.UserId, "How many orders?");

        Assert.Equal(QuestionOutcome.ModelFailed, answer.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(answer.Text));
        Assert.Empty(answer.Usage);
        Assert.Empty(await Asker.StagesAsync(fixture.DataDirectory, answer.ConversationId!));
    }

    [Fact]
    public async Task AnswerModelUnknownToTheEndpoint_TellsThePersonWhatTheOperatorMustChange()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(Summary("SqlQuery", TopCustomerSql, "Counting."), 700, 60);
        fixture.Model.EnqueueError(404);

        var answer = await asker.User.AskAsync(asker.UserId, "How many orders?");

        Assert.Equal(QuestionOutcome.ModelFailed, answer.Outcome);
        Assert.Equal("The assistant is misconfigured: its model gemini-2.0-flash is not available, so the operator must change Model:AnswerModel.", answer.Text);
        // Stage 1 answered and is billed; the refused stage 2 is not.
        Assert.Equal("summary", Assert.Single(answer.Usage).StageName);
    }

    [Fact]
    public async Task ModelReplyThatIsNotJson_IsRetriedOnce_ThenReportedClearly_WithBothAttemptsBilled()
    {
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueText("Sure! Here's your SQL: SELECT", 200, 30);
        fixture.Model.EnqueueText("{ not json", 200, 30);

        var answer = await asker.User.AskAsync(asker.UserId, "How many orders?");

        Assert.Equal(QuestionOutcome.ModelFailed, answer.Outcome);
        Assert.Contains("could not read", answer.Text, StringComparison.Ordinal);
        Assert.Equal((400, 60), (answer.InputTokens, answer.OutputTokens));
    }

    [Fact]
    public async Task ModelTimeout_GivesAClearError()
    {
        var asker = await Asker.NewAsync(fixture);
        // Held past the 3 s request timeout; the client hangs up, so the script is empty afterwards.
        fixture.Model.EnqueueDelay(TimeSpan.FromSeconds(10));

        var answer = await asker.User.AskAsync(asker.UserId, "How many orders?");

        Assert.Equal(QuestionOutcome.ModelFailed, answer.Outcome);
    }

    [Fact]
    public async Task WideSchema_StageOneGetsTheRelevantTables_AndLeavesUnrelatedOnesOut()
    {
        var userId = await Cluster.TestUsers.RegisterAsync(fixture.Grains);
        var fileName = await WideSchema.CreateAsync(fixture.SqliteFolder, tables: 100);
        var added = await fixture.Grains.GetGrain<Interfaces.Databases.IDatabasesGrain>(0).AddAsync(userId, "Wide", $"sqlite:///{fileName}");
        Assert.True(added.Succeeded, added.Message);
        var before = fixture.Model.Requests.Count;
        fixture.Model.EnqueueJson(Summary("Conversation", answer: "ok"), 10, 5);

        await fixture.Grains.GetGrain<Interfaces.Users.IUserGrain>(userId).AskAsync(userId, "How many orders did each customer place last month?");

        var system = fixture.Model.Requests[before].Body.RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!;
        Assert.Contains("orders(", system, StringComparison.Ordinal);
        Assert.Contains("customers(", system, StringComparison.Ordinal);
        Assert.DoesNotContain("warehouse_bins_040(", system, StringComparison.Ordinal);
        var full = (await fixture.Grains.GetGrain<Interfaces.Databases.IDatabaseConnectionGrain>(added.Database!.DatabaseId).GetSchemaAsync(userId))!;
        Assert.Contains(full.Tables, table => table.Name == "warehouse_bins_040");
        Assert.True(WideSchema.TableLines(system) <= 15, $"{WideSchema.TableLines(system)} tables in the prompt");
    }

    [Fact]
    public void UsageLine_IsOneShortLineOfTokensAndCost()
    {
        var answer = new QuestionAnswer(QuestionOutcome.Answered, "x", Stages:
        [
            new StageUsage(1, "summary", "gemini-2.5-flash", 765, 120, 0.0002295m, 0.0003m, TimeSpan.Zero),
            new StageUsage(2, "answer", "gemini-2.0-flash", 900, 1850, 0.00009m, 0.00074m, TimeSpan.Zero),
        ]);

        Assert.Equal("3,635 tokens · $0.00136", UsageText.For(answer));
    }

    private sealed class RecordingProgress : IQuestionProgress
    {
        private readonly List<QuestionStage> _stages = [];

        public IReadOnlyList<QuestionStage> Stages { get { lock (_stages) return _stages.ToArray(); } }

        public void OnStage(QuestionStage stage)
        {
            lock (_stages) _stages.Add(stage);
        }

        public async Task WaitForAsync(int count)
        {
            for (var i = 0; i < 100 && Stages.Count < count; i++) await Task.Delay(50);
        }
    }
}
