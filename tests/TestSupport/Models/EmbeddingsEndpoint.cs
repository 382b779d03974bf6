using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OrleansAssistant.TestSupport.Models;

/// <summary>
/// <c>POST {prefix}embeddings</c> in OpenAI's wire format: <c>input</c> a string or an array of strings,
/// <c>encoding_format</c> <c>float</c> (default) or <c>base64</c> (little-endian float32, as the OpenAI client asks),
/// optional <c>dimensions</c>. Answers <see cref="FakeEmbeddings.VectorOf"/> per input and bills one token per word,
/// unless an error is queued. Its requests are kept apart from the chat requests.
/// </summary>
internal sealed class EmbeddingsEndpoint
{
    private readonly object _gate = new();
    private readonly List<RecordedModelRequest> _requests = [];
    private readonly Queue<int> _errors = new();

    public IReadOnlyList<RecordedModelRequest> Requests
    {
        get { lock (_gate) return [.. _requests]; }
    }

    public void EnqueueError(int status)
    {
        lock (_gate) _errors.Enqueue(status);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        using var reader = new StreamReader(context.Request.Body);
        var authorization = context.Request.Headers.Authorization;
        var request = new RecordedModelRequest(context.Request.Path.Value ?? "", await reader.ReadToEndAsync(aborted),
            authorization.Count == 0 ? null : authorization.ToString());
        int? error;
        lock (_gate)
        {
            _requests.Add(request);
            error = _errors.TryDequeue(out var status) ? status : null;
        }
        if (error is { } scripted)
        {
            var body = ChatCompletionBodies.Error(scripted, $"Scripted embeddings error {scripted}.");
            await ChatCompletionBodies.WriteAsync(context.Response, scripted, body, aborted);
            return;
        }
        if (Inputs(request.Body.RootElement) is not { Count: > 0 } inputs)
        {
            var refusal = ChatCompletionBodies.Error(StatusCodes.Status400BadRequest, "'input' must be a non-empty string or array of strings.");
            await ChatCompletionBodies.WriteAsync(context.Response, StatusCodes.Status400BadRequest, refusal, aborted);
            return;
        }
        await ChatCompletionBodies.WriteAsync(context.Response, StatusCodes.Status200OK, Reply(request, inputs), aborted);
    }

    private static JsonObject Reply(RecordedModelRequest request, List<string> inputs)
    {
        var json = request.Body.RootElement;
        var base64 = json.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        var dimensions = json.TryGetProperty("dimensions", out var size) && size.TryGetInt32(out var asked) && asked > 0 ? asked : FakeEmbeddings.DefaultDimensions;
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = FakeEmbeddings.VectorOf(inputs[i], dimensions);
            JsonNode embedding = base64 ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())) : new JsonArray([.. vector.Select(value => (JsonNode)value)]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        var tokens = inputs.Sum(FakeEmbeddings.TokensOf);
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request.Model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
    }

    private static List<string>? Inputs(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("input", out var input)) return null;
        if (input.ValueKind == JsonValueKind.String) return [input.GetString()!];
        if (input.ValueKind != JsonValueKind.Array) return null;
        var texts = new List<string>();
        foreach (var item in input.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return null;
            texts.Add(item.GetString()!);
        }
        return texts;
    }
}
