using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansAssistant.TestSupport.Models;

/// <summary>Refuses what <see cref="EndpointStrictness"/> says the endpoint does not accept, with the 400 body such an endpoint sends.</summary>
internal static class StrictRequestCheck
{
    /// <returns>The error body to answer with, or null when the request is acceptable.</returns>
    public static JsonNode? Refusal(EndpointStrictness strictness, RecordedModelRequest request)
    {
        var body = request.Body.RootElement;
        if (body.ValueKind != JsonValueKind.Object) return null;
        var hasFormat = body.TryGetProperty("response_format", out var format);
        if (strictness.HasFlag(EndpointStrictness.NoReasoningEffort) && body.TryGetProperty("reasoning_effort", out _))
        {
            return ChatCompletionBodies.Error(400, "Unrecognized request argument supplied: reasoning_effort");
        }
        if (!hasFormat) return null;
        if (strictness.HasFlag(EndpointStrictness.NoResponseFormat))
        {
            return ChatCompletionBodies.Error(400, "response_format is not supported by this server.");
        }
        var type = format.TryGetProperty("type", out var typeName) ? typeName.GetString() : null;
        if (type != "json_schema") return null;
        if (strictness.HasFlag(EndpointStrictness.NoJsonSchema))
        {
            return ChatCompletionBodies.Error(400, "response_format.type 'json_schema' is not supported; use 'json_object'.");
        }
        if (strictness.HasFlag(EndpointStrictness.GeminiSchemaSubset)
            && format.TryGetProperty("json_schema", out var jsonSchema) && jsonSchema.TryGetProperty("schema", out var schema)
            && FirstUnknown(schema) is { } unknown)
        {
            return GeminiError($"Invalid JSON payload received. Unknown name \"{unknown}\" at 'generation_config.response_schema': Cannot find field.");
        }
        return null;
    }

    // Gemini's OpenAI-compatible endpoint wraps its error object in an array.
    private static JsonArray GeminiError(string message) =>
        new(new JsonObject { ["error"] = new JsonObject { ["code"] = 400, ["message"] = message, ["status"] = "INVALID_ARGUMENT" } });

    private static string? FirstUnknown(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in schema.EnumerateObject())
        {
            if (property.Name is "$schema" or "additionalProperties") return property.Name;
            if (property.Name == "type" && property.Value.ValueKind == JsonValueKind.Array) return "type";
            if (property.Name == "properties")
            {
                foreach (var child in property.Value.EnumerateObject())
                {
                    if (FirstUnknown(child.Value) is { } unknown) return unknown;
                }
            }
            if (property.Name == "items" && FirstUnknown(property.Value) is { } inItems) return inItems;
        }
        return null;
    }
}
