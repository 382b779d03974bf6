using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OrleansAssistant.TestSupport.Models;

/// <summary>Response bodies in the exact shape of OpenAI's Chat Completions API.</summary>
internal static class ChatCompletionBodies
{
    public static JsonObject Completion(string model, string content, int inputTokens, int outputTokens) =>
        Completion(model, content, inputTokens, outputTokens, reasoningTokens: 0);

    /// <summary>
    /// A completion whose model also thought: as OpenAI counts it, <c>completion_tokens</c> includes the
    /// <paramref name="reasoningTokens"/>, which <c>completion_tokens_details.reasoning_tokens</c> names;
    /// <paramref name="reasoningBesideCompletion"/> leaves them out of <c>completion_tokens</c> instead.
    /// </summary>
    public static JsonObject Completion(string model, string content, int inputTokens, int outputTokens, int reasoningTokens,
        bool reasoningBesideCompletion = false) => new()
    {
        ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = Usage(inputTokens, outputTokens, reasoningTokens, reasoningBesideCompletion),
    };

    private static JsonObject Usage(int inputTokens, int outputTokens, int reasoningTokens, bool reasoningBesideCompletion)
    {
        var usage = new JsonObject
        {
            ["prompt_tokens"] = inputTokens,
            ["completion_tokens"] = reasoningBesideCompletion ? outputTokens : outputTokens + reasoningTokens,
            ["total_tokens"] = inputTokens + outputTokens + reasoningTokens,
        };
        if (reasoningTokens > 0) usage["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = reasoningTokens };
        return usage;
    }

    public static JsonObject Error(int status, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = status switch
            {
                401 or 403 => "authentication_error",
                429 => "rate_limit_error",
                >= 500 => "server_error",
                _ => "invalid_request_error",
            },
            ["code"] = status switch
            {
                401 => "invalid_api_key",
                404 => "model_not_found",
                429 => "rate_limit_exceeded",
                _ => null,
            },
        },
    };

    public static async Task WriteAsync(HttpResponse response, int status, JsonNode body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(), cancellationToken);
    }
}
