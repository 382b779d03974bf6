using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OrleansAssistant.TestSupport.Telegram;

/// <summary>The Bot API envelope: <c>{"ok":true,"result":…}</c> or <c>{"ok":false,"error_code":…,"description":…}</c>.</summary>
internal static class BotApiReply
{
    public static Task WriteOkAsync(HttpResponse response, JsonNode? result, CancellationToken cancellationToken) =>
        WriteAsync(response, StatusCodes.Status200OK, new JsonObject { ["ok"] = true, ["result"] = result }, cancellationToken);

    public static Task WriteErrorAsync(HttpResponse response, int errorCode, string description, CancellationToken cancellationToken) =>
        WriteAsync(response, errorCode, new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description }, cancellationToken);

    /// <summary>Flood control: <c>{"ok":false,"error_code":429,…,"parameters":{"retry_after":n}}</c>.</summary>
    public static Task WriteTooManyRequestsAsync(HttpResponse response, int retryAfterSeconds, CancellationToken cancellationToken) =>
        WriteAsync(response, StatusCodes.Status429TooManyRequests, new JsonObject
        {
            ["ok"] = false,
            ["error_code"] = 429,
            ["description"] = $"Too Many Requests: retry after {retryAfterSeconds}",
            ["parameters"] = new JsonObject { ["retry_after"] = retryAfterSeconds },
        }, cancellationToken);

    private static async Task WriteAsync(HttpResponse response, int statusCode, JsonObject body, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(), cancellationToken);
    }
}
