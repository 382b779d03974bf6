using System.Diagnostics;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Telemetry;
using OrleansAssistant.Grains.Tests.Questions;
using OrleansAssistant.Hosting;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Telemetry;

[Collection(QuestionSiloCollection.Name)]
public sealed class PipelineTelemetryTests(QuestionSiloFixture fixture)
{
    private const string CustomersSql = "SELECT name FROM customers ORDER BY name";
    private static readonly ActivitySource TestSource = new(TelemetryRecorder.TestSourceName);

    [Fact]
    public async Task SqlQuestion_IsOneTrace_UnderTheCallersSpan_WithStageAndQuerySpans()
    {
        using var recorder = new TelemetryRecorder();
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = CustomersSql, answer = (string?)null }, 765, 120);
        fixture.Model.EnqueueText("Ada, Grace and Linus.", 900, 50);

        QuestionAnswer answer;
        ActivityContext caller;
        using (var parent = TestSource.StartActivity("test asks"))
        {
            caller = parent!.Context;
            answer = await asker.User.AskAsync(asker.UserId, "List our customers");
        }

        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        var spans = recorder.Spans(caller.TraceId);
        var question = Assert.Single(spans, span => span.OperationName == SpanNames.Question);
        // Across the grain call: the question span descends from the caller's span.
        Assert.True(Descends(question, caller.SpanId, spans), "question span is not under the caller's span");
        Assert.Equal(asker.UserId, question.GetTagItem(SpanTags.UserId));
        Assert.Equal("sqlite", question.GetTagItem(SpanTags.DatabaseSystem));
        Assert.Equal(("Answered", "SqlQuery"), (question.GetTagItem(SpanTags.Outcome), question.GetTagItem(SpanTags.Way)));

        var summary = Assert.Single(spans, span => span.OperationName == "stage 1 summary");
        var answerStage = Assert.Single(spans, span => span.OperationName == "stage 2 answer");
        Assert.Equal([question.SpanId, question.SpanId], new[] { summary.ParentSpanId, answerStage.ParentSpanId });
        Assert.Equal(("gemini-2.5-flash", 765, 120), (summary.GetTagItem(SpanTags.Model), summary.GetTagItem(SpanTags.InputTokens), summary.GetTagItem(SpanTags.OutputTokens)));
        Assert.Equal(("gemini-2.0-flash", 900, 50), (answerStage.GetTagItem(SpanTags.Model), answerStage.GetTagItem(SpanTags.InputTokens), answerStage.GetTagItem(SpanTags.OutputTokens)));

        // The database grain's spans, reached through further grain calls, are in the question's tree too.
        var query = Assert.Single(spans, span => span.OperationName == SpanNames.SqlQuery);
        Assert.True(Descends(query, question.SpanId, spans), "sql query span is not under the question span");
        Assert.Equal((CustomersSql, "Succeeded", answer.Rows!.Rows.Count), (query.GetTagItem(SpanTags.Statement), query.GetTagItem(SpanTags.Outcome), query.GetTagItem(SpanTags.RowCount)));
        Assert.True(Descends(Assert.Single(spans, span => span.OperationName == SpanNames.SchemaRead), question.SpanId, spans));
    }

    [Fact]
    public async Task SqlQuestion_RecordsQuestionStageTokenAndCostMetrics_AsTheModelReported()
    {
        using var recorder = new TelemetryRecorder();
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = CustomersSql, answer = (string?)null }, 765, 120);
        fixture.Model.EnqueueText("Ada, Grace and Linus.", 900, 50);

        using var parent = TestSource.StartActivity("test asks")!;
        await asker.User.AskAsync(asker.UserId, "List our customers");
        var measured = recorder.Measurements(parent.TraceId);

        var question = Assert.Single(measured, m => m.Instrument == "assistant.questions");
        Assert.Equal((1d, "Answered"), (question.Value, question.Tags["outcome"]));
        Assert.Equal([("summary", "gemini-2.5-flash"), ("answer", "gemini-2.0-flash")],
            measured.Where(m => m.Instrument == "assistant.stage.duration").Select(m => (m.Tags["stage"], m.Tags["model"])));
        Assert.Equal([("gemini-2.5-flash", "input", 765d), ("gemini-2.5-flash", "output", 120d), ("gemini-2.0-flash", "input", 900d), ("gemini-2.0-flash", "output", 50d)],
            measured.Where(m => m.Instrument == "assistant.tokens").Select(m => (m.Tags["model"], m.Tags["direction"], m.Value)));
        // 765 × 0.30/M + 120 × 2.50/M; 900 × 0.10/M + 50 × 0.40/M (prices in appsettings.json).
        var costs = measured.Where(m => m.Instrument == "assistant.cost").Select(m => (m.Tags["model"], m.Value)).ToList();
        Assert.Equal(["gemini-2.5-flash", "gemini-2.0-flash"], costs.Select(c => c.Item1));
        Assert.Equal(0.0005295, costs[0].Value, 12);
        Assert.Equal(0.00011, costs[1].Value, 12);
        Assert.DoesNotContain(measured, m => m.Instrument == "assistant.errors");
    }

    [Fact]
    public async Task ThinkingModel_ReasoningTokensAreASpanTagAndTheirOwnTokenDirection()
    {
        using var recorder = new TelemetryRecorder();
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.Enqueue(ScriptedReply.Json(new { way = "SqlQuery", sql = CustomersSql, answer = (string?)null }, 765, 120, reasoningTokens: 400));
        fixture.Model.EnqueueText("Ada, Grace and Linus.", 900, 50);

        using var parent = TestSource.StartActivity("test asks")!;
        await asker.User.AskAsync(asker.UserId, "List our customers");

        var summary = Assert.Single(recorder.Spans(parent.TraceId), span => span.OperationName == "stage 1 summary");
        Assert.Equal((120, 400), (summary.GetTagItem(SpanTags.OutputTokens), summary.GetTagItem(SpanTags.ReasoningTokens)));
        var reasoning = Assert.Single(recorder.Measurements(parent.TraceId), m => m.Instrument == "assistant.tokens" && (string?)m.Tags["direction"] == "reasoning");
        Assert.Equal(400d, reasoning.Value);
    }

    [Fact]
    public async Task RefusedSql_CountsAQueryError()
    {
        using var recorder = new TelemetryRecorder();
        var asker = await Asker.NewAsync(fixture);
        fixture.Model.EnqueueJson(new { way = "SqlQuery", sql = "DROP TABLE orders", answer = (string?)null }, 100, 10);

        using var parent = TestSource.StartActivity("test asks")!;
        var answer = await asker.User.AskAsync(asker.UserId, "Tidy up the orders table please");
        var measured = recorder.Measurements(parent.TraceId);

        Assert.Equal(QuestionOutcome.QueryRefused, answer.Outcome);
        Assert.Equal(["query"], measured.Where(m => m.Instrument == "assistant.errors").Select(m => m.Tags["kind"]));
        Assert.Equal("QueryRefused", Assert.Single(measured, m => m.Instrument == "assistant.questions").Tags["outcome"]);
    }

    [Fact]
    public async Task QuestionHeldByTheRateLimit_IsCountedAsRateLimited_AndStillAnswered()
    {
        using var recorder = new TelemetryRecorder();
        var asker = await Asker.NewAsync(fixture);
        for (var i = 0; i < 4; i++)
        {
            fixture.Model.EnqueueJson(new { way = "Conversation", sql = (string?)null, answer = "Hello." }, 10, 5);
        }

        using var parent = TestSource.StartActivity("test asks")!;
        var answers = new List<QuestionAnswer>();
        // A burst of three passes the bucket; the fourth within the same second waits for a token, then runs.
        for (var i = 0; i < 4; i++) answers.Add(await asker.User.AskAsync(asker.UserId, "Hello there"));
        var measured = recorder.Measurements(parent.TraceId);

        Assert.Equal(QuestionOutcome.Answered, answers[3].Outcome);
        Assert.Equal(["Answered", "Answered", "Answered", "Answered"],
            measured.Where(m => m.Instrument == "assistant.questions").Select(m => m.Tags["outcome"]));
        Assert.Equal(1d, Assert.Single(measured, m => m.Instrument == "assistant.rate_limited").Value);
    }

    [Fact]
    public void GrainsSource_HasTheNameTheHostsSubscribeTo() => Assert.Equal(TelemetrySetup.SourceName, AssistantDiagnostics.Name);

    private static bool Descends(Activity span, ActivitySpanId ancestor, IReadOnlyList<Activity> spans)
    {
        var byId = spans.ToDictionary(s => s.SpanId);
        for (var current = span; current is not null; current = byId.GetValueOrDefault(current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor) return true;
        }
        return false;
    }
}
