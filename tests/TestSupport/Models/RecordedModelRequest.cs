using System.Text.Json;

namespace OrleansAssistant.TestSupport.Models;

/// <summary>One request as it reached the fake model server: path, raw body, parsed body and credentials.</summary>
public sealed class RecordedModelRequest
{
    public RecordedModelRequest(string path, string rawBody, string? authorizationHeader)
    {
        Path = path;
        RawBody = rawBody;
        AuthorizationHeader = authorizationHeader;
        Body = Parse(rawBody);
        var json = Body.RootElement;
        Model = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("model", out var model) ? model.GetString() ?? "" : "";
        Messages = ReadMessages(json);
    }

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the request arrived.</summary>
    public long ArrivedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when its reply was written; 0 until then (or when none was).</summary>
    public long RepliedAt => Interlocked.Read(ref _repliedAt);

    private long _repliedAt;

    internal void MarkReplied() => Interlocked.Exchange(ref _repliedAt, System.Diagnostics.Stopwatch.GetTimestamp());

    /// <summary>The request path, e.g. <c>/v1beta/openai/chat/completions</c>.</summary>
    public string Path { get; }

    /// <summary>The body exactly as sent.</summary>
    public string RawBody { get; }

    /// <summary>The body parsed; its root is JSON <c>null</c> when the body was not JSON.</summary>
    public JsonDocument Body { get; }

    /// <summary>The <c>model</c> field of the body, or empty.</summary>
    public string Model { get; }

    /// <summary>The <c>Authorization</c> header, e.g. <c>Bearer …</c>, or null when none was sent.</summary>
    public string? AuthorizationHeader { get; }

    /// <summary>The chat messages in order, with multi-part contents joined into one text.</summary>
    public IReadOnlyList<RecordedChatMessage> Messages { get; }

    /// <summary>The <c>response_format.type</c> field (<c>json_schema</c> for structured calls), or null.</summary>
    public string? ResponseFormatType =>
        Body.RootElement.ValueKind == JsonValueKind.Object && Body.RootElement.TryGetProperty("response_format", out var format) && format.TryGetProperty("type", out var type)
            ? type.GetString()
            : null;

    public override string ToString() => $"{Path} model={Model} messages={Messages.Count}";

    // Kept for the server's lifetime and only read, so the documents are never disposed.
    private static JsonDocument Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("null");
        }
    }

    private static RecordedChatMessage[] ReadMessages(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array) return [];
        return [.. messages.EnumerateArray().Select(message => new RecordedChatMessage(
            message.TryGetProperty("role", out var role) ? role.GetString() ?? "" : "",
            message.TryGetProperty("content", out var content) ? TextOf(content) : ""))];
    }

    // OpenAI accepts a content string or an array of parts; only text parts matter here.
    private static string TextOf(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(part => part.TryGetProperty("text", out _))
            .Select(part => part.GetProperty("text").GetString())),
        _ => "",
    };
}
