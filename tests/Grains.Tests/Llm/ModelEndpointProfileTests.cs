using System.Text.Json;
using Microsoft.Extensions.AI;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.Grains.Questions;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Llm;

/// <summary>
/// Structured output and thinking against endpoints that refuse parts of the request as real ones do:
/// Gemini's schema subset, servers without <c>json_schema</c> or without any response format, and servers
/// that do not take <c>reasoning_effort</c>.
/// </summary>
public sealed class ModelEndpointProfileTests
{
    private static readonly ChatMessage[] Question =
    [
        new(ChatRole.System, "Turn questions into SQL."),
        new(ChatRole.User, "How many customers are there?"),
    ];

    private static readonly SummaryReply Summary = new(AnswerWay.SqlQuery, "SELECT COUNT(*) FROM customers", null);

    [Fact]
    public async Task Auto_GeminiStrictEndpoint_AnswersOnFirstRequest_WithTheSchemaSubset()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.Strictness = EndpointStrictness.GeminiSchemaSubset;
        harness.Server.EnqueueJson(Summary, 100, 20);

        var reply = await harness.Client.CompleteJsonAsync<SummaryReply>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Equal(Summary, reply.Value);
        Assert.True(harness.Server.Requests.Count == 1, harness.Server.Requests[0].RawBody);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("json_schema", request.ResponseFormatType);
        var schema = SchemaOf(request);
        Assert.DoesNotContain("$schema", schema.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("additionalProperties", schema.GetRawText(), StringComparison.Ordinal);
        var sql = schema.GetProperty("properties").GetProperty("sql");
        Assert.Equal("string", sql.GetProperty("type").GetString());
        Assert.True(sql.GetProperty("nullable").GetBoolean());
        var way = schema.GetProperty("properties").GetProperty("way");
        Assert.Equal("string", way.GetProperty("type").GetString());
        Assert.Contains("SqlQuery", way.GetProperty("enum").EnumerateArray().Select(member => member.GetString()));
    }

    [Fact]
    public async Task FullSchemaMode_GeminiStrictEndpoint_IsRefusedWithGeminisWords_AndNotSteppedDown()
    {
        await using var harness = await ModelClientHarness.StartAsync(settings => settings with { StructuredOutput = StructuredOutputMode.JsonSchema });
        harness.Server.Strictness = EndpointStrictness.GeminiSchemaSubset;

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => harness.Client.CompleteJsonAsync<SummaryReply>(ModelStage.Summary, Question, CancellationToken.None));

        Assert.Equal(ModelUnavailableException.RequestRefusedMessage, error.UserMessage);
        Assert.Single(harness.Server.Requests);
        Assert.Contains(harness.Logs.Lines, line => line.Contains("Unknown name", StringComparison.Ordinal) && line.Contains("summary-model", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auto_EndpointWithoutJsonSchema_StepsToJsonObjectWithSchemaInPrompt_LoggedOnce_AndRemembered()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.Strictness = EndpointStrictness.NoJsonSchema;
        harness.Server.EnqueueJson(Summary, 100, 20);
        harness.Server.EnqueueJson(Summary, 100, 20);

        var first = await harness.Client.CompleteJsonAsync<SummaryReply>(ModelStage.Summary, Question, CancellationToken.None);
        var second = await harness.Client.CompleteJsonAsync<SummaryReply>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Equal(Summary, first.Value);
        Assert.Equal(Summary, second.Value);
        Assert.Equal(["json_schema", "json_object", "json_object"], harness.Server.Requests.Select(request => request.ResponseFormatType));
        var system = harness.Server.Requests[1].Messages[0];
        Assert.Equal("system", system.Role);
        Assert.StartsWith("Turn questions into SQL.", system.Content, StringComparison.Ordinal);
        Assert.Contains("JSON schema", system.Content, StringComparison.Ordinal);
        Assert.Contains("\"sql\"", system.Content, StringComparison.Ordinal);
        Assert.Single(harness.Logs.Lines, line => line.Contains("refused structured output as JsonSchemaStrictSubset; asking as JsonObject", StringComparison.Ordinal));
        // The refused attempt is not billed: it produced no tokens.
        Assert.Equal(100, first.InputTokens);
    }

    [Fact]
    public async Task Auto_EndpointWithoutResponseFormat_StepsDownToPromptOnly()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.Strictness = EndpointStrictness.NoResponseFormat;
        harness.Server.EnqueueJson(Summary, 100, 20);

        var reply = await harness.Client.CompleteJsonAsync<SummaryReply>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Equal(Summary, reply.Value);
        Assert.Equal(["json_schema", "json_object", null], harness.Server.Requests.Select(request => request.ResponseFormatType));
        Assert.Contains("JSON schema", harness.Server.Requests[2].Messages[0].Content, StringComparison.Ordinal);
        Assert.Single(harness.Logs.Lines, line => line.Contains("asking as PromptOnly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SteppedDownLevel_IsPerModel()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.Strictness = EndpointStrictness.NoJsonSchema;
        harness.Server.EnqueueJson(Summary, 1, 1);
        harness.Server.EnqueueJson(new MailReply(["a@example.com"], "Hi", "Body"), 1, 1);

        await harness.Client.CompleteJsonAsync<SummaryReply>(ModelStage.Summary, Question, CancellationToken.None);
        await harness.Client.CompleteJsonAsync<MailReply>(ModelStage.Email, Question, CancellationToken.None);

        // The e-mail model has not been refused yet, so it starts at the subset again.
        Assert.Equal(["summary-model", "summary-model", "email-model", "email-model"], harness.Server.Requests.Select(request => request.Model));
        Assert.Equal(["json_schema", "json_object", "json_schema", "json_object"], harness.Server.Requests.Select(request => request.ResponseFormatType));
    }

    [Fact]
    public async Task EndpointIgnoringFormat_JsonWrappedInProse_IsParsedWithoutAskingAgain()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueText("Sure! Here is the JSON you asked for:\n{\"way\": \"SqlQuery\", \"sql\": \"SELECT 1\", \"answer\": null}\nLet me know if you need more.", 50, 30);

        var reply = await harness.Client.CompleteJsonAsync<SummaryReply>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Equal(new SummaryReply(AnswerWay.SqlQuery, "SELECT 1", null), reply.Value);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task EndpointIgnoringFormat_ProseWithoutValidJson_IsAskedOnceMore()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueText("I think you want to count the customers {but I am not sure}.", 50, 30);
        harness.Server.EnqueueJson(Summary, 60, 20);

        var reply = await harness.Client.CompleteJsonAsync<SummaryReply>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Equal(Summary, reply.Value);
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.Equal(110, reply.InputTokens);
    }

    [Fact]
    public async Task Thinking_DefaultsSendLowForSummaryAndAnswer_AndNothingForEmail()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueJson(Summary, 1, 1);
        harness.Server.EnqueueText("There are 59 customers.", 1, 1);
        harness.Server.EnqueueJson(new MailReply(["a@example.com"], "Hi", "Body"), 1, 1);

        await harness.Client.CompleteJsonAsync<SummaryReply>(ModelStage.Summary, Question, CancellationToken.None);
        await harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None);
        await harness.Client.CompleteJsonAsync<MailReply>(ModelStage.Email, Question, CancellationToken.None);

        Assert.Equal(["low", "low", null], harness.Server.Requests.Select(ReasoningEffortOf));
    }

    [Fact]
    public async Task Thinking_ConfiguredMinimal_IsSentAsTheEndpointSpellsIt()
    {
        await using var harness = await ModelClientHarness.StartAsync(settings => settings with { AnswerThinking = ThinkingEffort.Minimal });
        harness.Server.EnqueueText("59.", 1, 1);

        await harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None);

        Assert.Equal("minimal", ReasoningEffortOf(Assert.Single(harness.Server.Requests)));
    }

    [Fact]
    public async Task Thinking_RefusedByEndpoint_IsDroppedForThatModel_LoggedOnce()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.Strictness = EndpointStrictness.NoReasoningEffort;
        harness.Server.EnqueueText("59.", 10, 2);
        harness.Server.EnqueueText("60.", 10, 2);

        var first = await harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None);
        var second = await harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None);

        Assert.Equal(("59.", "60."), (first.Value, second.Value));
        Assert.Equal(["low", null, null], harness.Server.Requests.Select(ReasoningEffortOf));
        Assert.Single(harness.Logs.Lines, line => line.Contains("refused a reasoning effort", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownModel_404_TellsThePersonTheAssistantIsMisconfigured_AndTheLogNamesTheSetting()
    {
        await using var harness = await ModelClientHarness.StartAsync(settings => settings with { AnswerModel = "gemini-2.0-flash" });
        harness.Server.EnqueueError(404);

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None));

        Assert.Equal("The assistant is misconfigured: its model gemini-2.0-flash is not available, so the operator must change Model:AnswerModel.", error.UserMessage);
        Assert.Single(harness.Server.Requests);
        Assert.Contains(harness.Logs.Lines, line => line.Contains("Model:AnswerModel", StringComparison.Ordinal) && line.Contains("Scripted error 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownModel_400NamingTheModel_IsTheSameActionableFailure()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.Respond(_ => ScriptedReply.Error(400, message: "models/summary-model is not found for API version v1beta, or is not supported for generateContent."));

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(
            () => harness.Client.CompleteJsonAsync<SummaryReply>(ModelStage.Summary, Question, CancellationToken.None));

        Assert.Equal(ModelUnavailableException.ModelNotAvailable("summary-model", "Model:SummaryModel"), error.UserMessage);
        // A refusal of the model is not mistaken for a refusal of the response format: no stepping down.
        Assert.Single(harness.Server.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReasoningTokens_AreKeptApartFromTheVisibleOutput_HoweverTheEndpointCountsThem(bool besideCompletion)
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.Enqueue(ScriptedReply.Text("There are 59 customers.", 300, 12, reasoningTokens: 180) with { ReasoningBesideCompletion = besideCompletion });

        var reply = await harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None);

        Assert.Equal((300, 12, 180), (reply.InputTokens, reply.OutputTokens, reply.ReasoningTokens));
    }

    private static JsonElement SchemaOf(RecordedModelRequest request) =>
        request.Body.RootElement.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema");

    private static string? ReasoningEffortOf(RecordedModelRequest request) =>
        request.Body.RootElement.TryGetProperty("reasoning_effort", out var effort) ? effort.GetString() : null;
}
