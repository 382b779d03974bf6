using Microsoft.Extensions.AI;
using OrleansAssistant.Grains.Llm;

namespace OrleansAssistant.Grains.Tests.Llm;

public sealed partial class ModelClientTests
{
    private static readonly ChatMessage[] Question =
    [
        new(ChatRole.System, "Judge the weather."),
        new(ChatRole.User, "Is the sea rough today?"),
    ];

    [Fact]
    public async Task CompleteJson_ValidReply_ParsesRecordWithEnum()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueJson(new Verdict(Mood.Stormy, "Waves of four metres.", 7), inputTokens: 120, outputTokens: 15);

        var reply = await harness.Client.CompleteJsonAsync<Verdict>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Equal(new Verdict(Mood.Stormy, "Waves of four metres.", 7), reply.Value);
        Assert.Null(reply.ParseError);
        Assert.Contains("\"Stormy\"", reply.RawText, StringComparison.Ordinal);
        Assert.Equal("summary-model", reply.Model);
    }

    [Fact]
    public async Task CompleteJson_ValidReply_ReportsUsageTokens()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueJson(new Verdict(Mood.Calm, "Flat.", 1), inputTokens: 321, outputTokens: 45);

        var reply = await harness.Client.CompleteJsonAsync<Verdict>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Equal(321, reply.InputTokens);
        Assert.Equal(45, reply.OutputTokens);
        Assert.True(reply.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task CompleteJson_Request_CarriesModelMessagesAndJsonSchemaFormat()
    {
        await using var harness = await ModelClientHarness.StartAsync(settings => settings with { SummaryModel = "gemini-3.6-flash" });
        harness.Server.EnqueueJson(new Verdict(Mood.Calm, "Flat.", 1), 1, 1);

        await harness.Client.CompleteJsonAsync<Verdict>(ModelStage.Summary, Question, CancellationToken.None);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("/v1beta/openai/chat/completions", request.Path);
        Assert.Equal("gemini-3.6-flash", request.Model);
        Assert.Equal(["system", "user"], request.Messages.Select(message => message.Role));
        Assert.Equal(["Judge the weather.", "Is the sea rough today?"], request.Messages.Select(message => message.Content));
        Assert.Equal("json_schema", request.ResponseFormatType);
        var schema = request.Body.RootElement.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema");
        var moods = schema.GetProperty("properties").GetProperty("mood").GetProperty("enum").EnumerateArray().Select(mood => mood.GetString());
        Assert.Equal(["Calm", "Stormy"], moods);
    }

    [Fact]
    public async Task Requests_SendApiKeyAsBearer()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueText("Hello.", 1, 1);

        await harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None);

        Assert.Equal($"Bearer {ModelClientHarness.ApiKey}", Assert.Single(harness.Server.Requests).AuthorizationHeader);
    }

    [Fact]
    public async Task CompleteText_Reply_ReturnsTextAndTokensWithoutResponseFormat()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueText("The sea is calm.", inputTokens: 50, outputTokens: 6);

        var reply = await harness.Client.CompleteTextAsync(ModelStage.Answer, Question, CancellationToken.None);

        Assert.Equal("The sea is calm.", reply.Value);
        Assert.Equal((50, 6), (reply.InputTokens, reply.OutputTokens));
        Assert.Null(Assert.Single(harness.Server.Requests).ResponseFormatType);
    }

    [Fact]
    public async Task CompleteJson_MalformedThenValid_RetriesOnceAndSumsTokens()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueText("{\"mood\": \"Stormy\", \"reason\": ", inputTokens: 100, outputTokens: 10);
        harness.Server.EnqueueJson(new Verdict(Mood.Stormy, "Gale warning.", 8), inputTokens: 130, outputTokens: 12);

        var reply = await harness.Client.CompleteJsonAsync<Verdict>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Equal(new Verdict(Mood.Stormy, "Gale warning.", 8), reply.Value);
        Assert.Null(reply.ParseError);
        Assert.Equal((230, 22), (reply.InputTokens, reply.OutputTokens));
        var retry = harness.Server.Requests[1];
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.Equal("json_schema", retry.ResponseFormatType);
        // The second try shows the model its broken reply and asks again.
        Assert.Equal(["system", "user", "assistant", "user"], retry.Messages.Select(message => message.Role));
    }

    [Fact]
    public async Task CompleteJson_MalformedTwice_ReturnsParseErrorWithoutThrowing()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueText("I think it is stormy.", inputTokens: 100, outputTokens: 5);
        harness.Server.EnqueueText("{\"mood\": \"Windy\", \"reason\": \"?\", \"score\": 1}", inputTokens: 110, outputTokens: 9);

        var reply = await harness.Client.CompleteJsonAsync<Verdict>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Null(reply.Value);
        Assert.False(string.IsNullOrWhiteSpace(reply.ParseError));
        Assert.Contains("Windy", reply.RawText, StringComparison.Ordinal);
        Assert.Equal((210, 14), (reply.InputTokens, reply.OutputTokens));
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task CompleteJson_MissingRequiredField_CountsAsUnparsable()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueText("{\"mood\": \"Calm\"}", 1, 1);
        harness.Server.EnqueueText("{\"mood\": \"Calm\", \"reason\": null, \"score\": 0}", 1, 1);

        var reply = await harness.Client.CompleteJsonAsync<Verdict>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Null(reply.Value);
        Assert.NotNull(reply.ParseError);
    }

    [Fact]
    public async Task CompleteJson_ReplyInMarkdownFence_Parses()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueText("```json\n{\"mood\": \"calm\", \"reason\": \"Flat.\", \"score\": 0}\n```", 1, 1);

        var reply = await harness.Client.CompleteJsonAsync<Verdict>(ModelStage.Summary, Question, CancellationToken.None);

        Assert.Equal(new Verdict(Mood.Calm, "Flat.", 0), reply.Value);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task ModelCalls_Log_NeitherKeyNorPromptText()
    {
        await using var harness = await ModelClientHarness.StartAsync();
        harness.Server.EnqueueText("not json", 1, 1);
        harness.Server.EnqueueJson(new Verdict(Mood.Calm, "Flat.", 1), 1, 1);

        await harness.Client.CompleteJsonAsync<Verdict>(ModelStage.Summary, Question, CancellationToken.None);

        var log = string.Join('\n', harness.Logs.Lines);
        Assert.Contains("summary-model", log, StringComparison.Ordinal);
        Assert.DoesNotContain(ModelClientHarness.ApiKey, log, StringComparison.Ordinal);
        Assert.DoesNotContain("sea rough", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_ToString_HidesKey()
    {
        var settings = new ModelSettings { ApiKey = ModelClientHarness.ApiKey };

        Assert.DoesNotContain(ModelClientHarness.ApiKey, settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("gemini-3.6-flash", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_Defaults_PointAtGemini()
    {
        var settings = new ModelSettings();

        Assert.Equal("https://generativelanguage.googleapis.com/v1beta/openai/", settings.BaseUrl.ToString());
        Assert.False(settings.IsConfigured);
        Assert.Equal((TimeSpan.FromSeconds(60), 3), (settings.RequestTimeout, settings.MaxAttempts));
        Assert.Equal(("gemini-3.6-flash", "gemini-3.5-flash-lite", "gemini-3.5-flash-lite"), (settings.SummaryModel, settings.AnswerModel, settings.EmailModel));
        Assert.Equal(StructuredOutputMode.Auto, settings.StructuredOutput);
        Assert.Equal((ThinkingEffort.Low, ThinkingEffort.Low, ThinkingEffort.Default), (settings.SummaryThinking, settings.AnswerThinking, settings.EmailThinking));
    }
}
