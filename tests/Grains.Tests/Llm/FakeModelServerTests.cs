using System.Net;
using System.Text;
using System.Text.Json;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Llm;

public sealed class FakeModelServerTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task EmptyScript_Answers500SayingNothingIsScripted()
    {
        await using var server = new FakeModelServer();
        await server.StartAsync();

        using var response = await PostAsync(server, "chat/completions", "{\"model\":\"m\",\"messages\":[]}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("no scripted response", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responder_AnswersOnceTheScriptIsEmpty()
    {
        await using var server = new FakeModelServer();
        await server.StartAsync();
        server.EnqueueText("scripted", 1, 1);
        server.Respond(request => ScriptedReply.Text($"echo {request.Model}", 2, 3));

        var first = await ContentOfAsync(await PostAsync(server, "chat/completions", "{\"model\":\"a\",\"messages\":[]}"));
        var second = await ContentOfAsync(await PostAsync(server, "chat/completions", "{\"model\":\"b\",\"messages\":[]}"));

        Assert.Equal(("scripted", "echo b"), (first, second));
    }

    [Fact]
    public async Task Completion_HasOpenAIShape()
    {
        await using var server = new FakeModelServer();
        await server.StartAsync();
        server.EnqueueJson(new { Answer = 42 }, inputTokens: 7, outputTokens: 3);

        using var response = await PostAsync(server, "chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var root = body.RootElement;
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.Equal("m", root.GetProperty("model").GetString());
        var choice = root.GetProperty("choices")[0];
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Equal("{\"answer\":42}", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(10, root.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Error_CarriesStatusRetryAfterAndEnvelope()
    {
        await using var server = new FakeModelServer();
        await server.StartAsync();
        server.EnqueueError(429, retryAfter: TimeSpan.FromSeconds(3));

        using var response = await PostAsync(server, "chat/completions", "{}");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("rate_limit_exceeded", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownPath_Is404AndRecorded()
    {
        await using var server = new FakeModelServer();
        await server.StartAsync();

        using var response = await PostAsync(server, "completions", "{\"model\":\"m\"}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/v1beta/openai/completions", Assert.Single(server.Requests).Path);
    }

    private static Task<HttpResponseMessage> PostAsync(FakeModelServer server, string path, string json) =>
        Http.PostAsync(new Uri(server.BaseUrl, path), new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<string?> ContentOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
        }
    }
}
